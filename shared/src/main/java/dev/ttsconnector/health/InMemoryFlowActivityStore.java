package dev.ttsconnector.health;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link FlowActivityStore} in memory, same semantics as the DynamoDB adapter; for tests and the local runner. */
public final class InMemoryFlowActivityStore implements FlowActivityStore {

    private final Map<String, HourlyActivity> hours = new TreeMap<>();

    @Override
    public synchronized void add(String integrationId, String flow, Instant at, long itemsIn, long itemsOut,
                                 long errors) {
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        String key = integrationId + "|" + flow + "|" + hour;
        HourlyActivity before = hours.getOrDefault(key, HourlyActivity.idle(hour));
        hours.put(key, new HourlyActivity(hour, before.itemsIn() + itemsIn, before.itemsOut() + itemsOut,
                before.errors() + errors, at, errors == 0 ? at : before.lastSuccessAt()));
    }

    @Override
    public synchronized List<HourlyActivity> hours(String integrationId, String flow, Instant fromHour,
                                                   Instant toHour) {
        String prefix = integrationId + "|" + flow + "|";
        List<HourlyActivity> result = new ArrayList<>();
        hours.forEach((key, value) -> {
            if (key.startsWith(prefix) && !value.hour().isBefore(fromHour) && !value.hour().isAfter(toHour)) {
                result.add(value);
            }
        });
        result.sort((a, b) -> a.hour().compareTo(b.hour()));
        return result;
    }
}
