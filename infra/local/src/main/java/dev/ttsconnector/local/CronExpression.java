package dev.ttsconnector.local;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge cron expression, {@code cron(minutes hours day-of-month month day-of-week year)}, with
 * numbers, names ({@code JAN}, {@code MON}), {@code *}, {@code ?}, ranges, lists and {@code /} steps; day of
 * week 1-7 is Sunday-Saturday (EventBridge's numbering). The {@code L}, {@code W} and {@code #} forms are
 * rejected with a message naming them. Evaluated in a time zone ({@code ScheduleExpressionTimezone}, default UTC).
 */
final class CronExpression {

    private static final Pattern CRON = Pattern.compile("cron\\((.+)\\)");
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final BitSet years;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;
    private final ZoneId zone;

    private CronExpression(String[] f, ZoneId zone) {
        this.minutes = field(f[0], 0, 59, null, 0, "minutes");
        this.hours = field(f[1], 0, 23, null, 0, "hours");
        this.anyDayOfMonth = f[2].equals("?") || f[2].equals("*");
        this.daysOfMonth = field(f[2], 1, 31, null, 0, "day-of-month");
        this.months = field(f[3], 1, 12, MONTHS, 1, "month");
        this.anyDayOfWeek = f[4].equals("?") || f[4].equals("*");
        this.daysOfWeek = field(f[4], 1, 7, DAYS, 1, "day-of-week");
        this.years = field(f[5], 1970, 2199, null, 0, "year");
        this.zone = zone;
    }

    /** Parses {@code cron(...)}; empty when the expression is not a cron expression. */
    static Optional<CronExpression> parse(String expression, String timeZone) {
        Matcher m = CRON.matcher(expression.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String[] fields = m.group(1).trim().split("\\s+");
        if (fields.length != 6) {
            throw new IllegalArgumentException(expression + ": a cron expression has 6 fields (minutes hours day-of-month month"
                    + " day-of-week year), got " + fields.length);
        }
        return Optional.of(new CronExpression(fields, timeZone == null || timeZone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timeZone)));
    }

    /** The first minute strictly after {@code after} that matches, within five years. */
    Optional<ZonedDateTime> next(ZonedDateTime after) {
        ZonedDateTime t = after.withZoneSameInstant(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = t.plusYears(5);
        while (t.isBefore(limit)) {
            if (!years.get(t.getYear()) || !months.get(t.getMonthValue())) {
                t = t.plusMonths(1).withDayOfMonth(1).withHour(0).withMinute(0);
                continue;
            }
            if (!dayMatches(t)) {
                t = t.plusDays(1).withHour(0).withMinute(0);
                continue;
            }
            if (!hours.get(t.getHour())) {
                t = t.plusHours(1).withMinute(0);
                continue;
            }
            if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
                continue;
            }
            return Optional.of(t);
        }
        return Optional.empty();
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7 + 1); // java MONDAY=1..SUNDAY=7 -> SUN=1..SAT=7
        if (anyDayOfMonth && anyDayOfWeek) {
            return true;
        }
        if (anyDayOfMonth) {
            return dow;
        }
        if (anyDayOfWeek) {
            return dom;
        }
        return dom && dow;
    }

    private static BitSet field(String spec, int min, int max, String[] names, int nameBase, String name) {
        BitSet bits = new BitSet(max + 1);
        for (String part : spec.split(",")) {
            // Month and day names contain L and W (JUL, WED), so those forms are only looked for in numeric fields.
            if (names == null && (part.contains("L") || part.contains("W")) || part.contains("#") || part.equals("L")) {
                throw new IllegalArgumentException(name + " '" + spec + "': the L, W and # forms are not supported locally");
            }
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), null, 0, name);
                if (step < 1) {
                    throw new IllegalArgumentException(name + " '" + spec + "': step must be at least 1");
                }
            }
            int from;
            int to;
            if (range.equals("*") || range.equals("?")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", 2);
                from = number(ends[0], names, nameBase, name);
                to = number(ends[1], names, nameBase, name);
            } else {
                from = number(range, names, nameBase, name);
                to = slash >= 0 ? max : from;
            }
            if (from < min || to > max || from > to) {
                throw new IllegalArgumentException(name + " '" + spec + "': values must be within " + min + "-" + max);
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int number(String s, String[] names, int nameBase, String name) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(s.toUpperCase(Locale.ROOT))) {
                    return i + nameBase;
                }
            }
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + s + "' is not a number" + (names == null ? "" : " or name"));
        }
    }
}
