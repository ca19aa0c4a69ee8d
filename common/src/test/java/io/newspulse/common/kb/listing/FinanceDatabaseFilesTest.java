package io.newspulse.common.kb.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FinanceDatabaseFilesTest {
    @Test
    void secondLinesOfACompanyAreNotSecurities(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("financedatabase_equities_DOH.csv");
        Files.writeString(
                file,
                "symbol,name\n"
                        + "AHCS.QA,Aamal Company Q.P.S.C.\n"
                        + "AHCS@S.QA,Aamal QPSC\n"
                        + "QNBK.QA,Qatar National Bank (Q.P.S.C.)\n");

        List<ListedEntity> companies = FinanceDatabaseFiles.companies("qa", file);

        assertThat(companies).extracting(e -> e.id).containsExactly("qa.ahcs", "qa.qnbk");
        assertThat(companies.get(0).tickers).containsExactly("AHCS.QA");
    }
}
