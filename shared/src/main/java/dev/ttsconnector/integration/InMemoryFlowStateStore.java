package dev.ttsconnector.integration;

import dev.ttsconnector.common.VersionConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link FlowStateStore} in memory with the DynamoDB adapter's conditional semantics; for tests. */
public final class InMemoryFlowStateStore implements FlowStateStore {

    private final Map<String, FlowState> states = new ConcurrentHashMap<>();

    @Override
    public Optional<FlowState> get(String integrationId, FlowName flow) {
        return Optional.ofNullable(states.get(key(integrationId, flow)));
    }

    @Override
    public List<FlowState> list(String integrationId) {
        List<FlowState> out = new ArrayList<>();
        for (FlowName flow : FlowName.values()) {
            get(integrationId, flow).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public FlowState save(FlowState next) {
        FlowState stored = withVersion(next, next.version() + 1);
        FlowState[] result = new FlowState[1];
        states.compute(key(next.integrationId(), next.flow()), (k, current) -> {
            long currentVersion = current == null ? 0 : current.version();
            if (currentVersion != next.version()) {
                throw new VersionConflictException("flowState", "Flow state " + k + " changed concurrently");
            }
            result[0] = stored;
            return stored;
        });
        return result[0];
    }

    private static String key(String integrationId, FlowName flow) {
        return integrationId + "#" + flow;
    }

    static FlowState withVersion(FlowState s, long version) {
        return new FlowState(s.integrationId(), s.flow(), s.cursor(), s.windowStart(), s.windowEnd(), s.pageToken(),
                s.lastRunAt(), s.lastSuccessAt(), s.lastError(), s.itemsIn(), s.itemsOut(), version);
    }
}
