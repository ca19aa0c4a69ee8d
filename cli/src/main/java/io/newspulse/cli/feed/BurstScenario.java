package io.newspulse.cli.feed;

import java.util.List;

/**
 * The company a {@link SampleFeed} burst is about: many distinct stories in a short period, each
 * reporting a large move, so that the pipeline raises MENTION_SPIKE and PRICE_MOVE alerts for it.
 *
 * <p>The percent is above the stock price-move threshold (5%) in every burst story.
 */
public enum BurstScenario {
    /** Cambricon (寒武纪, 688256.SS) up about 15%. */
    CAMBRICON_SURGE(
            "cambricon",
            true,
            15.0,
            new Names("寒武纪", "寒武紀", "Cambricon", "688256", "(688256.SS)"),
            "AI芯片",
            "AI chip",
            List.of("海光信息", "中芯国际", "兆易创新"),
            List.of("Hygon", "SMIC"),
            List.of(
                    "公司发布新一代云端训练芯片，性能较上一代大幅提升",
                    "公司预告全年营收同比大幅增长，并首次实现季度盈利",
                    "市场传闻多家互联网大厂追加算力芯片订单",
                    "国产AI芯片替代进程加快，多家券商上调行业景气判断"),
            List.of(
                    "it unveiled a new cloud training chip",
                    "it guided to sharply higher full-year revenue",
                    "reports that large internet platforms had enlarged chip orders",
                    "brokers raised forecasts for domestic AI accelerators")),

    /** Oracle (甲骨文, ORCL) down about 9%. */
    ORACLE_SLUMP(
            "oracle",
            false,
            9.0,
            new Names("甲骨文", "甲骨文", "Oracle", "ORCL", "(NYSE: ORCL)"),
            "云计算",
            "cloud",
            List.of("微软", "谷歌"),
            List.of("Microsoft", "Alphabet"),
            List.of(
                    "公司下调云基础设施业务收入指引",
                    "公司数据中心资本开支大幅超出市场预期",
                    "有报道称一家大客户推迟了部分算力合同",
                    "公司自由现金流转负，债务规模继续攀升"),
            List.of(
                    "it cut its cloud infrastructure revenue outlook",
                    "data-center spending ran far above estimates",
                    "a report said a large customer had delayed compute contracts",
                    "free cash flow turned negative as debt climbed"));

    /**
     * Names of the entity as the stories write them.
     *
     * @param zhHans simplified Chinese name
     * @param zhHant traditional Chinese name
     * @param en English name
     * @param code the code written in brackets after the Chinese name
     * @param enTicker the ticker as English wire copy writes it after the name
     */
    record Names(String zhHans, String zhHant, String en, String code, String enTicker) {}

    private final String entityId;
    private final boolean up;
    private final double percent;
    private final Names names;
    private final String sectorZh;
    private final String sectorEn;
    private final List<String> peersZh;
    private final List<String> peersEn;
    private final List<String> catalystsZh;
    private final List<String> catalystsEn;

    BurstScenario(
            String entityId,
            boolean up,
            double percent,
            Names names,
            String sectorZh,
            String sectorEn,
            List<String> peersZh,
            List<String> peersEn,
            List<String> catalystsZh,
            List<String> catalystsEn) {
        this.entityId = entityId;
        this.up = up;
        this.percent = percent;
        this.names = names;
        this.sectorZh = sectorZh;
        this.sectorEn = sectorEn;
        this.peersZh = peersZh;
        this.peersEn = peersEn;
        this.catalystsZh = catalystsZh;
        this.catalystsEn = catalystsEn;
    }

    /** Knowledge-base id of the company (config/entities). */
    public String entityId() {
        return entityId;
    }

    /** True for a rise, false for a fall. */
    public boolean up() {
        return up;
    }

    /** Typical size of the move in percent; every burst story reports at least 5%. */
    public double percent() {
        return percent;
    }

    Names names() {
        return names;
    }

    String sectorZh() {
        return sectorZh;
    }

    String sectorEn() {
        return sectorEn;
    }

    List<String> peersZh() {
        return peersZh;
    }

    List<String> peersEn() {
        return peersEn;
    }

    List<String> catalystsZh() {
        return catalystsZh;
    }

    List<String> catalystsEn() {
        return catalystsEn;
    }
}
