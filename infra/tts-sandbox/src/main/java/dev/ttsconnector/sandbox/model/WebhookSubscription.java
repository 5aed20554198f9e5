package dev.ttsconnector.sandbox.model;

/** A shop's webhook URL for one topic (spec §12). */
public final class WebhookSubscription {
    public final String eventType;
    public String address;
    public final long createTime;
    public long updateTime;

    public WebhookSubscription(String eventType, String address, long createTime) {
        this.eventType = eventType;
        this.address = address;
        this.createTime = createTime;
        this.updateTime = createTime;
    }
}
