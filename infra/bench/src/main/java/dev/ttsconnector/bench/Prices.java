package dev.ttsconnector.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AWS list prices used for the cost metrics: us-east-1, on-demand, as published on the services' pricing pages in
 * 2025 (aws.amazon.com/dynamodb/pricing/on-demand, /sqs/pricing, /eventbridge/pricing, /lambda/pricing,
 * /api-gateway/pricing). Free tiers are ignored.
 */
final class Prices {

    static final String REGION = "us-east-1";
    static final double DDB_WRITE_UNIT = 0.625 / 1e6;
    static final double DDB_READ_UNIT = 0.125 / 1e6;
    /** Standard queue; FIFO requests cost $0.50 per million and are charged at this rate too (a lower bound). */
    static final double SQS_REQUEST = 0.40 / 1e6;
    static final double EVENTBRIDGE_EVENT = 1.00 / 1e6;
    /** arm64, the template's architecture. */
    static final double LAMBDA_GB_SECOND = 0.0000133334;
    static final double LAMBDA_REQUEST = 0.20 / 1e6;
    static final double HTTP_API_REQUEST = 1.00 / 1e6;

    private Prices() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", REGION);
        m.put("dynamodb_on_demand_usd_per_million_write_units", 0.625);
        m.put("dynamodb_on_demand_usd_per_million_read_units", 0.125);
        m.put("sqs_usd_per_million_requests", 0.40);
        m.put("eventbridge_usd_per_million_events", 1.00);
        m.put("lambda_arm64_usd_per_gb_second", LAMBDA_GB_SECOND);
        m.put("lambda_usd_per_million_requests", 0.20);
        m.put("http_api_usd_per_million_requests", 1.00);
        m.put("lambda_duration_source", "handler time measured in-process on this machine x the function's MemorySize");
        return m;
    }
}
