package dev.ttsconnector.app.returns;

import dev.ttsconnector.common.Page;
import dev.ttsconnector.common.VersionConflictException;
import java.util.List;
import java.util.Optional;

/**
 * The app's returns and refunds, keyed by integration and TikTok return id (a return and a refund of the same TikTok
 * return order are two records). Writes are single-item and conditional: {@code insert*} only if absent,
 * {@code replace*} only if the stored {@code version} is the one read; with the caller's {@code update_time} check
 * every apply is idempotent.
 */
public interface ReturnStore {

    Optional<AppReturn> getReturn(String integrationId, String tiktokReturnId);

    /** @return the stored return (version 1), or empty when one with this id exists already */
    Optional<AppReturn> insertReturn(AppReturn record);

    /** @throws VersionConflictException when the stored version is not {@code next.version()} */
    AppReturn replaceReturn(AppReturn next);

    Page<AppReturn> listReturns(ReturnQuery query);

    List<AppReturn> returnsOfOrder(String integrationId, String tiktokOrderId);

    Optional<AppRefund> getRefund(String integrationId, String tiktokReturnId);

    /** @return the stored refund (version 1), or empty when one with this id exists already */
    Optional<AppRefund> insertRefund(AppRefund record);

    /** @throws VersionConflictException when the stored version is not {@code next.version()} */
    AppRefund replaceRefund(AppRefund next);

    Page<AppRefund> listRefunds(ReturnQuery query);

    List<AppRefund> refundsOfOrder(String integrationId, String tiktokOrderId);
}
