package dev.ttsconnector.flow.statements;

import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.tiktok.Page;
import dev.ttsconnector.tiktok.SortOrder;
import dev.ttsconnector.tiktok.finance.Statement;
import dev.ttsconnector.tiktok.finance.StatementSearchRequest;
import dev.ttsconnector.tiktok.finance.StatementTransactionsPage;

/** Where statements come from: TikTok's finance API in production, a fake in tests. */
public interface StatementSource {

    /** Transactions are read 100 per page, the maximum (spec §9). */
    int TRANSACTION_PAGE_SIZE = 100;

    Page<Statement> statements(ConnectedShop shop, StatementSearchRequest request, String pageToken);

    StatementTransactionsPage transactions(ConnectedShop shop, String statementId, String pageToken);

    /** The shop's TikTok client: Get statements and Get transactions by statement (v202501). */
    static StatementSource tiktok() {
        return new StatementSource() {
            @Override
            public Page<Statement> statements(ConnectedShop shop, StatementSearchRequest request, String pageToken) {
                return shop.client().finance().statementsPage(shop.shop(), request, pageToken);
            }

            @Override
            public StatementTransactionsPage transactions(ConnectedShop shop, String statementId, String pageToken) {
                return shop.client().finance().statementTransactionsPage(shop.shop(), statementId,
                        TRANSACTION_PAGE_SIZE, SortOrder.ASC, pageToken);
            }
        };
    }
}
