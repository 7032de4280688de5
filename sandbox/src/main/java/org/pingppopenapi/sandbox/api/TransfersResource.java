package org.pingppopenapi.sandbox.api;

import java.util.List;
import org.pingppopenapi.sandbox.domain.Errors;
import org.pingppopenapi.server.model.Transfer;
import org.pingppopenapi.server.model.TransferCancelRequest;
import org.pingppopenapi.server.model.TransferCreateRequest;

/**
 * {@code /v1/transfers}: a transfer is created {@code pending} ({@code scheduled} on {@code unionpay}) with an
 * {@code order_no} unique in its app, and canceled or reversed only until it is sent; the sandbox's endpoints pay or
 * fail it ({@link Payouts}). Retrieve and list are the generic store's.
 */
public final class TransfersResource extends GenericTransfersApi {

    public TransfersResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public Transfer createTransfer(TransferCreateRequest request) {
        if ("unionpay".equals(request.getChannel())) {
            requireBank(request.getExtra() == null ? null : request.getExtra().get("open_bank_code"),
                    request.getExtra() == null ? null : request.getExtra().get("open_bank"), "extra.open_bank_code");
        }
        String app = request.getApp().getId();
        UniqueClaims claims = new UniqueClaims(objects());
        List<String> orderNo = claims.claim("order_no", "order_no " + request.getOrderNo() + " of app " + app,
                Payouts.transferOrderNoKey(app, request.getOrderNo()));
        try {
            Transfer created = super.createTransfer(request);
            claims.heldBy(orderNo, created.getId());
            return answer("createTransfer", StateChanges.find(account(), Payouts.TRANSFERS, "transfer", created.getId())
                    .update(json -> Payouts.newTransfer(json, null)));
        } catch (RuntimeException e) {
            claims.releaseAll();
            throw e;
        }
    }

    @Override
    public Transfer cancelTransfer(String transferId, TransferCancelRequest request) {
        return answer("cancelTransfer", payouts().cancelTransfer(transferId, "canceled"));
    }

    @Override
    public Transfer reverseTransfer(String transferId) {
        return answer("reverseTransfer", payouts().cancelTransfer(transferId, "reversed"));
    }

    private Payouts payouts() {
        return new Payouts(account(), clock());
    }

    /**
     * UnionPay pays to a bank named by its code or its name (the code wins when both are given): one of the two is
     * required, which the rule vocabulary cannot say.
     */
    static void requireBank(Object openBankCode, Object openBank, String param) {
        if (isBlank(openBankCode) && isBlank(openBank)) {
            throw Errors.invalid(param, param + " or " + param.replace("open_bank_code", "open_bank")
                    + " is required on unionpay: the payee's bank, by its 4-character code or its name.");
        }
    }

    private static boolean isBlank(Object value) {
        return value == null || String.valueOf(value).isBlank();
    }
}
