package dev.ttsconnector.settings;

import java.util.List;

/**
 * Outcome of a valid import.
 *
 * @param dryRun                  true when nothing was written
 * @param version                 the version now current (the new one, or the unchanged current one when the
 *                                import changed nothing or was a dry run)
 * @param changes                 the field-level diff applied (or that would be applied on a dry run)
 * @param skippedLocationMappings location mappings not imported because their TikTok warehouse is not a
 *                                warehouse of the target shop (e.g. the source region's warehouse)
 */
public record ImportResult(boolean dryRun, long version, List<FieldChange> changes,
                           List<LocationMapping> skippedLocationMappings) {

    public ImportResult {
        changes = List.copyOf(changes);
        skippedLocationMappings = List.copyOf(skippedLocationMappings);
    }
}
