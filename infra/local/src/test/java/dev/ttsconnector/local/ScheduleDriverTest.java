package dev.ttsconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleDriverTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00.750Z");

    @Test
    void event_inputWithSchedulerContextAttributes_getsThemFilledIn() throws Exception {
        ScheduleDriver.Schedule s = new ScheduleDriver.Schedule("PullFunction", "Pull", "ScheduleV2", "rate(5 minutes)",
                Duration.ofMinutes(5), "{\"scheduledTime\": \"<aws.scheduler.scheduled-time>\", \"arn\": \"<aws.scheduler.schedule-arn>\"}");

        JsonNode event = LambdaEvents.JSON.readTree(ScheduleDriver.event(s, NOW));

        assertThat(event.path("scheduledTime").asText()).isEqualTo("2026-11-27T12:00:00Z");
        assertThat(event.path("arn").asText()).startsWith("arn:aws:scheduler:").endsWith(":schedule/default/PullFunctionPull");
    }

    @Test
    void event_withoutInput_isTheDefaultNotificationOfItsService() throws Exception {
        JsonNode v2 = LambdaEvents.JSON.readTree(ScheduleDriver.event(new ScheduleDriver.Schedule("F", "E", "ScheduleV2",
                "rate(1 hour)", Duration.ofHours(1), null), NOW));
        JsonNode v1 = LambdaEvents.JSON.readTree(ScheduleDriver.event(new ScheduleDriver.Schedule("F", "E", "Schedule",
                "rate(1 hour)", Duration.ofHours(1), null), NOW));

        assertThat(v2.path("source").asText()).isEqualTo("aws.scheduler");
        assertThat(v1.path("source").asText()).isEqualTo("aws.events");
        assertThat(v1.path("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(v1.path("resources").get(0).asText()).startsWith("arn:aws:events:").endsWith(":rule/FE");
    }
}
