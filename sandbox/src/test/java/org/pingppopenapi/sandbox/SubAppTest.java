package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.ChannelException;
import org.pingppopenapi.client.InvalidRequestException;
import org.pingppopenapi.client.PingppClient;
import org.pingppopenapi.client.RequestOptions;
import org.pingppopenapi.client.model.AppReference;
import org.pingppopenapi.client.model.ChargeCreateRequest;
import org.pingppopenapi.client.model.DeletedChannel;
import org.pingppopenapi.client.model.SubApp;
import org.pingppopenapi.client.model.SubAppChannel;
import org.pingppopenapi.client.model.SubAppChannelCreateRequest;
import org.pingppopenapi.client.model.SubAppChannelUpdateRequest;
import org.pingppopenapi.client.model.SubAppCreateRequest;
import org.pingppopenapi.client.model.SubAppUpdateRequest;
import org.pingppopenapi.client.param.ListSubAppsParams;

/** Sub-apps (002): at most 5 levels under the platform app, parents that exist, no cycles; their channels. */
class SubAppTest {

    private static final Map<String, Object> ISV_PARAMS = Map.of("fee_rate", 16, "mer_id", "288880088880008",
            "inst_id", "98888888", "key", "eae4c4426b73e26e48dacf0fd6e9a9e1", "support_refund", true);

    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void subAppsNestFiveLevelsDeepAndNoDeeper() {
        PingppClient client = Fixtures.client(sandbox, Fixtures.newKey());
        List<SubApp> chain = new ArrayList<>();
        String parent = Fixtures.APP;
        for (int level = 1; level <= 5; level++) {
            SubApp subApp = client.subApps().create(subApp("level " + level, parent));
            assertThat(subApp.getLevel()).isEqualTo(level);
            assertThat(subApp.getParentApp()).isEqualTo(parent);
            chain.add(subApp);
            parent = subApp.getId();
        }
        String deepest = parent;

        assertThatThrownBy(() -> client.subApps().create(subApp("level 6", deepest)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("parent_app"));
        assertThat(client.subApps().list(ListSubAppsParams.builder().level(5).build()).data())
                .extracting(SubApp::getId).containsExactly(deepest);
        assertThat(client.subApps().list(ListSubAppsParams.builder().parentApp(chain.get(0).getId()).build())
                .data()).extracting(SubApp::getId).containsExactly(chain.get(1).getId());
        assertThat(client.subApps().list().data())
                .hasSize(5);
    }

    @Test
    void theParentMustBeThePlatformOrOneOfItsLiveSubApps() {
        PingppClient client = Fixtures.client(sandbox, Fixtures.newKey());
        SubApp elsewhere = client.subApps().create(subApp("other platform", null),
                RequestOptions.builder().appId("app_LibTW1n1SOq9Pin1").build());

        assertThatThrownBy(() -> client.subApps().create(subApp("orphan", "app_rDyHSCy14aL8m9ev")))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("parent_app"));
        assertThatThrownBy(() -> client.subApps().create(subApp("stranger", elsewhere.getId())))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("parent_app"));
        assertThatThrownBy(() -> client.subApps().retrieve(elsewhere.getId()))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).httpStatus()).isEqualTo(404));
    }

    @Test
    void movingASubAppKeepsTheTreeFiveLevelsDeepAndAcyclic() {
        PingppClient client = Fixtures.client(sandbox, Fixtures.newKey());
        SubApp a = client.subApps().create(subApp("app a", null));
        SubApp b = client.subApps().create(subApp("app b", a.getId()));
        SubApp c = client.subApps().create(subApp("app c", b.getId()));
        SubApp d = client.subApps().create(subApp("app d", null));

        assertThatThrownBy(() -> client.subApps().update(a.getId(), new SubAppUpdateRequest().parentApp(c.getId())))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("parent_app"));
        SubApp moved = client.subApps().update(a.getId(), new SubAppUpdateRequest().parentApp(d.getId())
                .displayName("a, moved"));
        assertThat(moved.getLevel()).isEqualTo(2);
        assertThat(moved.getDisplayName()).isEqualTo("a, moved");
        assertThat(client.subApps().retrieve(c.getId()).getLevel()).isEqualTo(4);
        SubApp e = client.subApps().create(subApp("app e", c.getId()));
        assertThat(e.getLevel()).isEqualTo(5);
        SubApp top = client.subApps().create(subApp("top", null));
        SubApp under = client.subApps().create(subApp("under", top.getId()));
        assertThatThrownBy(() -> client.subApps().update(top.getId(), new SubAppUpdateRequest().parentApp(c.getId())))
                .as("top's sub-app would sit at level 6")
                .isInstanceOf(InvalidRequestException.class);
        assertThat(client.subApps().retrieve(under.getId()).getLevel()).isEqualTo(2);
    }

    @Test
    void aSubAppWithSubAppsIsNotDeletedAndADeletedOneIsGone() {
        PingppClient client = Fixtures.client(sandbox, Fixtures.newKey());
        SubApp parent = client.subApps().create(subApp("parent", null));
        SubApp child = client.subApps().create(subApp("child", parent.getId()));

        assertThatThrownBy(() -> client.subApps().delete(parent.getId()))
                .isInstanceOf(ChannelException.class)
                .satisfies(e -> assertThat(((ChannelException) e).code()).isEqualTo("sub_app_has_sub_apps"));
        assertThat(client.subApps().delete(child.getId()).getDeleted()).isTrue();
        assertThatThrownBy(() -> client.subApps().retrieve(child.getId()))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> client.charges().create(Fixtures.upacpCharge(1).app(new AppReference().id(child.getId()))))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("app.id"));
        assertThat(client.subApps().delete(parent.getId()).getId()).isEqualTo(parent.getId());
    }

    @Test
    void channelsAreConfiguredUpdatedBannedAndRemoved() {
        PingppClient client = Fixtures.client(sandbox, Fixtures.newKey());
        SubApp subApp = client.subApps().create(subApp("shop", null));

        SubAppChannel added = client.subApps().channels().create(subApp.getId(),
                new SubAppChannelCreateRequest().channel("isv_qr").params(ISV_PARAMS).description("description for channel isv_qr"));
        assertThat(added.getBanned()).isFalse();
        assertThat(added.getParams()).containsEntry("mer_id", "288880088880008");
        assertThat(client.subApps().retrieve(subApp.getId()).getAvailableMethods()).containsExactly("isv_qr");
        assertThatThrownBy(() -> client.subApps().channels().create(subApp.getId(),
                new SubAppChannelCreateRequest().channel("isv_qr").params(ISV_PARAMS)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("channel"));
        assertThatThrownBy(() -> client.subApps().channels().create(subApp.getId(),
                new SubAppChannelCreateRequest().channel("isv_scan").params(Map.of("mer_id", "short"))))
                .as("the offline-scan channels' params rule")
                .isInstanceOf(InvalidRequestException.class);

        SubAppChannel banned = client.subApps().channels().update(subApp.getId(), "isv_qr",
                new SubAppChannelUpdateRequest().banned(true).bannedMsg("Suspended while the documents are reviewed."));
        assertThat(banned.getBanned()).isTrue();
        assertThat(banned.getParams()).as("kept").containsEntry("inst_id", "98888888");
        assertThat(client.subApps().retrieve(subApp.getId()).getAvailableMethods()).isEmpty();
        ChargeCreateRequest throughBanned = Fixtures.upacpCharge(10).app(new AppReference().id(subApp.getId()))
                .channel("isv_qr").extra(Map.of("pay_channel", "wx", "terminal_id", "SH008"));
        assertThatThrownBy(() -> client.charges().create(throughBanned))
                .isInstanceOf(ChannelException.class)
                .satisfies(e -> assertThat(((ChannelException) e).type()).isEqualTo("channel_error"));

        DeletedChannel removed = client.subApps().channels().delete(subApp.getId(), "isv_qr");
        assertThat(removed.getDeleted()).isTrue();
        assertThatThrownBy(() -> client.subApps().channels().retrieve(subApp.getId(), "isv_qr"))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).httpStatus()).isEqualTo(404));
        assertThat(client.charges().create(throughBanned).getApp().id()).isEqualTo(subApp.getId());
    }

    @Test
    void theSubAppsUserIsCreatedOnceAndUserZeroIsDisabledWithTheSubApp() {
        PingppClient client = Fixtures.client(sandbox, Fixtures.newKey());
        SubApp subApp = client.subApps().create(subApp("shop", null).user("owner_1"));
        assertThat(subApp.getUser().id()).isEqualTo("owner_1");

        assertThatThrownBy(() -> client.subApps().create(subApp("shop 2", null).user("owner_1")))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("user"));
        client.subApps().delete(subApp.getId());
    }

    private static SubAppCreateRequest subApp(String name, String parent) {
        return new SubAppCreateRequest().displayName(name).user("user_" + name.hashCode()).parentApp(parent)
                .description("Your description");
    }
}
