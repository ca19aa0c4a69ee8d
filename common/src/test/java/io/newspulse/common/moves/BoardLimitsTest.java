package io.newspulse.common.moves;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoardLimitsTest {
    private static double limit(String name, String... tickers) {
        return BoardLimits.implied(List.of(tickers), name).orElse(Double.NaN);
    }

    @Test
    void mainlandBoards() {
        assertThat(limit("Kweichow Moutai", "600519.SS")).isEqualTo(10.0);
        assertThat(limit("Ping An Bank", "000001.SZ")).isEqualTo(10.0);
        assertThat(limit("CATL", "300750.SZ", "3750.HK")).isEqualTo(20.0);
        assertThat(limit("SMIC", "688981.SS", "0981.HK")).isEqualTo(20.0);
        assertThat(limit("a Beijing listing", "430047.BJ")).isEqualTo(30.0);
    }

    @Test
    void riskWarningSharesByTheirStMarkOnly() {
        assertThat(limit("*ST Tianmao", "000760.SZ")).isEqualTo(5.0);
        assertThat(limit("ST华铁", "000976.SZ")).isEqualTo(5.0);
        assertThat(limit("Baoshan Iron & Steel", "600019.SS")).isEqualTo(10.0);
        assertThat(limit("STATE Power", "600795.SS")).isEqualTo(10.0);
    }

    @Test
    void taiwanAndSaudiBoards() {
        assertThat(limit("TSMC", "2330.TW", "TSM")).isEqualTo(10.0);
        assertThat(limit("a TPEx listing", "6488.TWO")).isEqualTo(10.0);
        assertThat(limit("Saudi Aramco", "2222.SR")).isEqualTo(10.0);
    }

    @Test
    void noLimitWhereTheBoardHasNoneOrItIsNotKnown() {
        assertThat(limit("Tencent", "0700.HK")).isNaN();
        assertThat(limit("Apple", "AAPL")).isNaN();
        assertThat(limit("Toyota", "7203.T")).isNaN();
        assertThat(limit("a B share", "900901.SS")).isNaN();
        assertThat(limit("two boards, two limits", "600000.SS", "2330.TW", "300001.SZ")).isNaN();
    }
}
