package org.pingppopenapi.sandbox.api;

import java.util.Set;
import org.pingppopenapi.sandbox.domain.ChargeRecord;
import org.pingppopenapi.sandbox.domain.Page;
import org.pingppopenapi.server.model.Charge;
import org.pingppopenapi.server.model.ChargeCreateRequest;
import org.pingppopenapi.server.model.ChargeList;

/** {@code /v1/charges}: create, retrieve and list charges, with {@code expand[]=app}. */
public final class ChargesResource extends GenericChargesApi {

    private final String webhookUrl;

    public ChargesResource(ResourceRegistry registry) {
        super(registry);
        this.webhookUrl = registry.accounts().webhookUrl();
    }

    @Override
    public Charge createCharge(ChargeCreateRequest request) {
        return account().charges().create(request).toModel();
    }

    @Override
    public ChargeList listCharges(String appId, String channel, Boolean paid, Boolean refunded, Boolean reversed,
            Integer limit, String startingAfter, String endingBefore, Long createdGt, Long createdGte, Long createdLt,
            Long createdLte, Set<String> expand) {
        boolean expandApp = expandsApp(expand);
        Page<ChargeRecord> page = account().charges().page(appId, channel, paid, refunded, reversed,
                created(createdGt, createdGte, createdLt, createdLte), limit, startingAfter, endingBefore);
        return new ChargeList(ChargeList.ObjectEnum.LIST, "/v1/charges", page.hasMore(),
                page.map(charge -> view(charge, expandApp)));
    }

    @Override
    public Charge retrieveCharge(String chargeId, Set<String> expand) {
        boolean expandApp = expandsApp(expand);
        return view(account().charges().charge(chargeId), expandApp);
    }

    private Charge view(ChargeRecord charge, boolean expandApp) {
        if (!expandApp) {
            return charge.toModel();
        }
        Object app = account().apps().existing(charge.app())
                .<Object>map(record -> record.toAppModel(webhookUrl))
                .orElse(charge.app());
        return charge.toModel(app);
    }

    /** Whether {@code expand[]} asks for the app: the only value the spec allows, which the server stubs enforce. */
    private static boolean expandsApp(Set<String> expand) {
        return expand != null && !expand.isEmpty();
    }
}
