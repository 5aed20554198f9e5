/**
 * TikTok Shop Open API client (spec: shared/spec/tiktok-shop-api.md).
 *
 * <p>Entry points: {@link dev.ttsconnector.tiktok.TikTokShopClient} (built once per process from a
 * {@link dev.ttsconnector.tiktok.TikTokClientConfig} and a {@link dev.ttsconnector.tiktok.TokenProvider}) with one
 * sub-client per API area ({@code orders()}, {@code fulfillment()}, {@code logistics()}, {@code products()},
 * {@code inventory()}, {@code returns()}, {@code messaging()}, {@code fbt()}, {@code webhooks()}, {@code auth()});
 * {@link dev.ttsconnector.tiktok.webhook.WebhookVerifier} for incoming webhooks. Every shop-scoped call takes a
 * {@link dev.ttsconnector.tiktok.ShopContext}. Failures are {@link dev.ttsconnector.tiktok.TikTokApiException}s:
 * {@code retryable()} tells transient (incl. rate limited) from permanent (incl. auth). Classes under
 * {@code internal} are not API.
 */
package dev.ttsconnector.tiktok;
