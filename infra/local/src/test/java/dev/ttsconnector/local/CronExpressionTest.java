package dev.ttsconnector.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronExpressionTest {

    @Test
    void next_listAndRangeInATimeZone_findsTheNextMatchingMinute() {
        CronExpression cron = CronExpression.parse("cron(5,35 0-1 * * ? *)", "America/Los_Angeles").orElseThrow();
        ZonedDateTime after = ZonedDateTime.of(2026, 11, 27, 0, 35, 0, 0, ZoneId.of("America/Los_Angeles"));

        assertThat(cron.next(after)).contains(ZonedDateTime.of(2026, 11, 27, 1, 5, 0, 0, ZoneId.of("America/Los_Angeles")));
        assertThat(cron.next(after.plusHours(1))).contains(ZonedDateTime.of(2026, 11, 28, 0, 5, 0, 0, ZoneId.of("America/Los_Angeles")));
    }

    @Test
    void next_dayOfWeekNamesAndSteps_useEventBridgeNumbering() {
        // 2026-11-27 is a Friday; MON-FRI at 09:00 every 15 minutes from :00.
        CronExpression cron = CronExpression.parse("cron(0/15 9 ? * MON-FRI *)", null).orElseThrow();
        ZonedDateTime friday = ZonedDateTime.of(2026, 11, 27, 9, 50, 0, 0, ZoneId.of("UTC"));

        assertThat(cron.next(friday)).contains(ZonedDateTime.of(2026, 11, 30, 9, 0, 0, 0, ZoneId.of("UTC")));
        assertThat(CronExpression.parse("cron(0 12 ? * 6 *)", null).orElseThrow().next(friday.minusDays(1)))
                .contains(ZonedDateTime.of(2026, 11, 27, 12, 0, 0, 0, ZoneId.of("UTC")));
    }

    @Test
    void parse_rateIsNotCron_andUnsupportedFormsAreNamed() {
        assertThat(CronExpression.parse("rate(5 minutes)", null)).isEmpty();
        assertThatThrownBy(() -> CronExpression.parse("cron(0 12 L * ? *)", null)).hasMessageContaining("L, W and #");
        assertThatThrownBy(() -> CronExpression.parse("cron(0 12 * *)", null)).hasMessageContaining("6 fields");
        assertThatThrownBy(() -> CronExpression.parse("cron(0 25 * * ? *)", null)).hasMessageContaining("hours").hasMessageContaining("0-23");
    }
}
