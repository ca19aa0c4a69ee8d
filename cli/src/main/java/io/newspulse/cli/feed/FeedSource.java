package io.newspulse.cli.feed;

import java.time.ZoneOffset;

/**
 * A fictitious news source of the sample feed.
 *
 * @param name the {@code source} field
 * @param language the declared {@code language}, or null to leave it out (bare "zh" and regional
 *     tags such as "zh-HK" occur too, as in real feeds)
 * @param offset the UTC offset its {@code published_at} is written in
 * @param host host name of its (example.com) article URLs
 */
record FeedSource(String name, String language, ZoneOffset offset, String host) {
    static final FeedSource CN_WIRE =
            new FeedSource(
                    "sample-cn-wire", "zh-Hans", ZoneOffset.ofHours(8), "cn-wire.example.com");
    static final FeedSource CN_PORTAL =
            new FeedSource(
                    "sample-cn-portal", null, ZoneOffset.ofHours(8), "cn-portal.example.com");
    static final FeedSource CN_RESEARCH =
            new FeedSource(
                    "sample-cn-research", "zh", ZoneOffset.ofHours(8), "research.example.com");
    static final FeedSource HK_DAILY =
            new FeedSource(
                    "sample-hk-daily", "zh-HK", ZoneOffset.ofHours(8), "hk-daily.example.com");
    static final FeedSource TW_NEWS =
            new FeedSource(
                    "sample-tw-news", "zh-Hant", ZoneOffset.ofHours(8), "tw-news.example.com");
    static final FeedSource GULF_MARKETS =
            new FeedSource("sample-gulf-markets", "ar", ZoneOffset.ofHours(3), "gulf.example.com");
    static final FeedSource AR_PORTAL =
            new FeedSource(
                    "sample-ar-portal", null, ZoneOffset.ofHours(3), "ar-portal.example.com");
    static final FeedSource US_WIRE =
            new FeedSource("sample-us-wire", "en", ZoneOffset.ofHours(-5), "us-wire.example.com");
    static final FeedSource GLOBAL_WIRE =
            new FeedSource("sample-global-wire", "en", ZoneOffset.UTC, "global-wire.example.com");
}
