package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.ChannelException;
import org.pingppopenapi.client.InvalidRequestException;
import org.pingppopenapi.client.PingppClient;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.ChargeCreateRequest;
import org.pingppopenapi.client.model.Order;
import org.pingppopenapi.client.model.OrderPayRequest;
import org.pingppopenapi.client.model.OrderRefundCreateRequest;
import org.pingppopenapi.client.model.OrderRoyaltyDataCreateRequest;
import org.pingppopenapi.client.model.OrderRoyaltyDataResult;
import org.pingppopenapi.client.model.ProfitTransaction;
import org.pingppopenapi.client.model.RefundCreateRequest;
import org.pingppopenapi.client.model.RoyaltiesUpdateRequest;
import org.pingppopenapi.client.model.Royalty;
import org.pingppopenapi.client.model.RoyaltySettlement;
import org.pingppopenapi.client.model.RoyaltySettlementCreateRequest;
import org.pingppopenapi.client.model.RoyaltySettlementUpdateRequest;
import org.pingppopenapi.client.model.RoyaltyStatus;
import org.pingppopenapi.client.model.RoyaltyTransaction;
import org.pingppopenapi.client.model.RoyaltyUser;
import org.pingppopenapi.client.model.SplitChannel;
import org.pingppopenapi.client.model.SplitProfit;
import org.pingppopenapi.client.model.SplitProfitCreateRequest;
import org.pingppopenapi.client.model.SplitProfitRecipientRequest;
import org.pingppopenapi.client.model.SplitProfitType;
import org.pingppopenapi.client.model.SplitReceiver;
import org.pingppopenapi.client.model.SplitReceiverCreateRequest;
import org.pingppopenapi.client.model.SplitReceiverType;
import org.pingppopenapi.client.param.ListProfitTransactionsParams;
import org.pingppopenapi.client.param.ListRoyaltiesParams;
import org.pingppopenapi.client.param.ListRoyaltySettlementsParams;
import org.pingppopenapi.client.param.ListRoyaltyTransactionsParams;

/**
 * Royalties and split profits through the project's client: royalty data on a paid order, settled; a split profit
 * over a paid WeChat charge; neither ever distributes more than the payment, less its refunds, also when many
 * requests race for the same payment.
 */
class RoyaltyFlowTest {

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
    void anOrderWithRoyaltyDataIsSettled() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        Order order = client.orders().create(Fixtures.order(100, "user_002"));
        assertRefused(() -> client.orders().royaltyDatas().create(order.getId(), royaltyData(null, "u1", 10)), "order_not_paid");

        String chargeId = paidOrderCharge(client, key, order);
        OrderRoyaltyDataResult recorded = client.orders().royaltyDatas().create(order.getId(),
                royaltyData(chargeId, "u1", 30).addRoyaltyUsersItem(new RoyaltyUser().user("u2").amount(20L)));
        assertThat(recorded.getSucceeded()).isTrue();
        assertThat(recorded.getOrder()).isEqualTo(order.getId());
        List<Royalty> royalties = royaltiesOf(client, order);
        assertThat(royalties).extracting(Royalty::getSourceUser, Royalty::getAmount, Royalty::getStatus)
                .containsExactlyInAnyOrder(tuple("u1", 30L, RoyaltyStatus.CREATED),
                        tuple("u2", 20L, RoyaltyStatus.CREATED));
        assertThat(royalties).allSatisfy(royalty -> assertThat(royalty.getSourceUrl()).isEqualTo("/v1/orders/" + order.getId()));

        assertRefused(() -> client.orders().royaltyDatas().create(order.getId(), royaltyData(chargeId, "u3", 51)),
                "royalty_amount_exceeded");
        client.orders().orderRefunds().create(order.getId(), new OrderRefundCreateRequest().description("part").chargeAmount(40L));
        assertRefused(() -> client.orders().royaltyDatas().create(order.getId(), royaltyData(chargeId, "u1", 11)),
                "royalty_amount_exceeded");
        client.orders().royaltyDatas().create(order.getId(), royaltyData(chargeId, "u1", 10));
        assertThat(royaltiesOf(client, order)).as("60 paid less refunds, all of it shared").hasSize(3);

        RoyaltySettlement preview = client.royaltySettlements().create(settlement().isPreview(true));
        assertThat(preview.getAmount()).isEqualTo(60L);
        assertThat(royaltiesOf(client, order)).as("a preview changes nothing")
                .allSatisfy(royalty -> assertThat(royalty.getStatus()).isEqualTo(RoyaltyStatus.CREATED));
        assertThat(client.royaltySettlements().list(ListRoyaltySettlementsParams.builder().payerApp(Fixtures.APP).build()).data())
                .isEmpty();

        RoyaltySettlement settlement = client.royaltySettlements().create(settlement());
        assertThat(settlement.getStatus()).isEqualTo(RoyaltySettlement.StatusEnum.CREATED);
        assertThat(settlement.getAmount()).isEqualTo(60L);
        assertThat(settlement.getCount()).as("one transaction per user").isEqualTo(2L);
        assertThat(settlement.getRoyaltyTransactions().getData()).extracting(RoyaltyTransaction::getSourceUser,
                RoyaltyTransaction::getAmount).containsExactlyInAnyOrder(tuple("u1", 40L),
                tuple("u2", 20L));
        assertThat(royaltiesOf(client, order)).allSatisfy(royalty -> {
            assertThat(royalty.getStatus()).isEqualTo(RoyaltyStatus.PENDING);
            assertThat(royalty.getRoyaltySettlement()).isEqualTo(settlement.getId());
        });
        assertRefused(() -> client.royaltySettlements().create(settlement()), "no_royalties_to_settle");

        RoyaltySettlement paid = client.royaltySettlements().update(settlement.getId(),
                new RoyaltySettlementUpdateRequest().status(RoyaltySettlementUpdateRequest.StatusEnum.PENDING));
        assertThat(paid.getStatus()).isEqualTo(RoyaltySettlement.StatusEnum.SUCCEEDED);
        assertThat(paid.getAmountSucceeded()).isEqualTo(60L);
        assertThat(paid.getTimeFinished()).isNotNull();
        assertThat(royaltiesOf(client, order)).allSatisfy(royalty -> {
            assertThat(royalty.getStatus()).isEqualTo(RoyaltyStatus.SUCCEEDED);
            assertThat(royalty.getMethod()).isEqualTo("alipay");
            assertThat(royalty.getTimeSettled()).isNotNull();
        });
        assertThat(client.royaltyTransactions().list(ListRoyaltyTransactionsParams.builder()
                .royaltySettlement(settlement.getId()).build()).data())
                .extracting(RoyaltyTransaction::getStatus).containsOnly("succeeded");
        assertThat(client.royaltySettlements().retrieve(settlement.getId()).getStatus()).isEqualTo(RoyaltySettlement.StatusEnum.SUCCEEDED);
        assertRefused(() -> client.royaltySettlements().update(settlement.getId(),
                new RoyaltySettlementUpdateRequest().status(RoyaltySettlementUpdateRequest.StatusEnum.CANCELED)),
                "royalty_settlement_unexpected_status");
    }

    @Test
    void aSettlementToTheBalanceCreditsEachUserThroughTheLedger() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        Order order = client.orders().create(Fixtures.order(100, "user_002"));
        String chargeId = paidOrderCharge(client, key, order);
        client.orders().royaltyDatas().create(order.getId(),
                royaltyData(chargeId, "r1", 30).addRoyaltyUsersItem(new RoyaltyUser().user("r2").amount(20L)));

        RoyaltySettlement settlement = client.royaltySettlements().create(new RoyaltySettlementCreateRequest()
                .payerApp(Fixtures.APP).method(RoyaltySettlementCreateRequest.MethodEnum.BALANCE));
        client.royaltySettlements().update(settlement.getId(),
                new RoyaltySettlementUpdateRequest().status(RoyaltySettlementUpdateRequest.StatusEnum.PENDING));

        assertThat(client.users().retrieve("r1").getAvailableBalance()).isEqualTo(30L);
        assertThat(client.users().retrieve("r2").getAvailableBalance()).isEqualTo(20L);
        LedgerBooks.assertBalanced(client, List.of("r1", "r2"));
    }

    @Test
    void aCanceledSettlementFreesItsRoyaltiesAndAManualMarkTakesThemOut() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        Order order = client.orders().create(Fixtures.order(100, "user_002"));
        String chargeId = paidOrderCharge(client, key, order);
        client.orders().royaltyDatas().create(order.getId(), royaltyData(chargeId, "u1", 25));

        RoyaltySettlement settlement = client.royaltySettlements().create(settlement());
        RoyaltySettlement canceled = client.royaltySettlements().update(settlement.getId(),
                new RoyaltySettlementUpdateRequest().status(RoyaltySettlementUpdateRequest.StatusEnum.CANCELED));
        assertThat(canceled.getStatus()).isEqualTo(RoyaltySettlement.StatusEnum.CANCELED);
        assertThat(canceled.getAmountCanceled()).isEqualTo(25L);
        Royalty freed = royaltiesOf(client, order).get(0);
        assertThat(freed.getStatus()).isEqualTo(RoyaltyStatus.CREATED);
        assertThat(freed.getRoyaltySettlement()).isNull();

        List<Royalty> marked = client.royalties().update(new RoyaltiesUpdateRequest().ids(List.of(freed.getId()))
                .method(RoyaltiesUpdateRequest.MethodEnum.MANUAL).description("paid by hand")).getData();
        assertThat(marked).singleElement().satisfies(royalty -> {
            assertThat(royalty.getStatus()).isEqualTo(RoyaltyStatus.SUCCEEDED);
            assertThat(royalty.getMethod()).isEqualTo("manual");
            assertThat(royalty.getDescription()).isEqualTo("paid by hand");
        });
        assertRefused(() -> client.royaltySettlements().create(settlement()), "no_royalties_to_settle");
        assertRefused(() -> client.royalties().update(new RoyaltiesUpdateRequest().ids(List.of(freed.getId()))
                .method(RoyaltiesUpdateRequest.MethodEnum.MANUAL)), "royalty_unexpected_status");

        Royalty unmarked = client.royalties().update(new RoyaltiesUpdateRequest().ids(List.of(freed.getId()))).getData().get(0);
        assertThat(unmarked.getStatus()).isEqualTo(RoyaltyStatus.CREATED);
        assertThat(unmarked.getMethod()).isNull();
        assertThat(client.royaltySettlements().create(settlement()).getAmount()).as("free for a settlement again").isEqualTo(25L);
        assertThatThrownBy(() -> client.royalties().update(new RoyaltiesUpdateRequest().ids(List.of("421170321093600003"))))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aSplitProfitOverAPaidWechatCharge() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        SandboxHttp http = new SandboxHttp(sandbox.baseUri(), key);
        Charge charge = client.charges().create(wxCharge(100));
        SplitReceiver receiver = client.splitReceivers().create(receiver());
        assertRefused(() -> client.splitProfits().create(split(charge, receiver.getId(), 60)), "charge_unexpected_status");
        http.pay(charge.getId());

        assertThatThrownBy(() -> client.splitProfits().create(split(charge, "recv_00000000000000", 60)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("recipients[0].split_receiver"));
        SplitProfit split = client.splitProfits().create(split(charge, receiver.getId(), 60));
        assertThat(split.getChannel()).isEqualTo("wx");
        assertThat(split.getRecipients()).singleElement().satisfies(recipient -> {
            assertThat(recipient.getAmount()).isEqualTo(60L);
            assertThat(recipient.getStatus()).isEqualTo(org.pingppopenapi.client.model.SplitProfitRecipient.StatusEnum.SUCCEEDED);
            assertThat(recipient.getCurrency()).isEqualTo("cny");
        });
        assertThat(client.splitProfits().retrieve(split.getId()).getRecipients().get(0).getStatus())
                .isEqualTo(org.pingppopenapi.client.model.SplitProfitRecipient.StatusEnum.SUCCEEDED);
        assertThat(profitTransactions(client, split)).singleElement().satisfies(transaction -> {
            assertThat(transaction.getAmount()).isEqualTo(60L);
            assertThat(transaction.getSplitReceiver()).isEqualTo(receiver.getId());
            assertThat(transaction.getStatus()).isEqualTo("succeeded");
        });

        assertRefused(() -> client.splitProfits().create(split(charge, receiver.getId(), 41)), "split_amount_exceeded");
        client.charges().refunds().create(charge.getId(), new RefundCreateRequest().amount(30L).description("part"));
        assertRefused(() -> client.splitProfits().create(split(charge, receiver.getId(), 11)), "split_amount_exceeded");
        SplitProfit finish = client.splitProfits().create(new SplitProfitCreateRequest().app(Fixtures.APP).charge(charge.getId())
                .orderNo(Fixtures.orderNo()).type(SplitProfitType.SPLIT_RETURN)
                .recipients(List.of(new SplitProfitRecipientRequest().amount(10L).description("the rest"))));
        assertThat(finish.getRecipients().get(0).getSplitReceiver()).isNull();
        assertRefused(() -> client.splitProfits().create(split(charge, receiver.getId(), 1)), "split_profit_finished");

        client.splitReceivers().delete(receiver.getId());
        Charge other = client.charges().create(wxCharge(50));
        http.pay(other.getId());
        assertThatThrownBy(() -> client.splitProfits().create(split(other, receiver.getId(), 1)))
                .as("a deleted receiver cannot be named").isInstanceOf(InvalidRequestException.class);
        Charge unionPay = client.charges().create(Fixtures.upacpCharge(50));
        http.pay(unionPay.getId());
        SplitReceiver again = client.splitReceivers().create(receiver());
        assertThatThrownBy(() -> client.splitProfits().create(split(unionPay, again.getId(), 1)))
                .as("WeChat charges only").isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("charge"));
    }

    @Test
    void concurrentSplitsNeverDistributeMoreThanTheCharge() throws Exception {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        Charge charge = client.charges().create(wxCharge(100));
        new SandboxHttp(sandbox.baseUri(), key).pay(charge.getId());
        SplitReceiver receiver = client.splitReceivers().create(receiver());
        int requests = 160;
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            outcomes.add(threads.submit(() -> {
                try {
                    client.splitProfits().create(split(charge, receiver.getId(), 1));
                    return true;
                } catch (ChannelException refused) {
                    assertThat(refused.code()).isEqualTo("split_amount_exceeded");
                    return false;
                }
            }));
        }
        int accepted = 0;
        for (Future<Boolean> outcome : outcomes) {
            accepted += outcome.get(5, TimeUnit.MINUTES) ? 1 : 0;
        }
        threads.shutdown();
        assertThat(accepted).as("one fen each, 100 fen paid").isEqualTo(100);
        assertThat(sumProfitTransactions(client)).as("what the profit transactions paid").isEqualTo(100L);
    }

    // ---------------------------------------------------------------- helpers

    private static String paidOrderCharge(PingppClient client, String key, Order order) {
        Order paying = client.orders().pay(order.getId(), new OrderPayRequest().chargeAmount(order.getActualAmount())
                .channel("isv_qr").extra(Map.of("pay_channel", "wx", "terminal_id", "SH008")));
        new SandboxHttp(sandbox.baseUri(), key).pay(paying.getCharge());
        return paying.getCharge();
    }

    private static OrderRoyaltyDataCreateRequest royaltyData(String charge, String user, long amount) {
        return new OrderRoyaltyDataCreateRequest().app(Fixtures.APP).charge(charge)
                .royaltyUsers(new ArrayList<>(List.of(new RoyaltyUser().user(user).amount(amount))));
    }

    private static List<Royalty> royaltiesOf(PingppClient client, Order order) {
        return client.royalties().list(ListRoyaltiesParams.builder().sourceNo(order.getMerchantOrderNo()).build()).data();
    }

    private static RoyaltySettlementCreateRequest settlement() {
        return new RoyaltySettlementCreateRequest().payerApp(Fixtures.APP)
                .method(RoyaltySettlementCreateRequest.MethodEnum.ALIPAY);
    }

    private static ChargeCreateRequest wxCharge(long amount) {
        return Fixtures.upacpCharge(amount).channel("wx");
    }

    private static SplitReceiverCreateRequest receiver() {
        return new SplitReceiverCreateRequest().app(Fixtures.APP).type(SplitReceiverType.MERCHANT_ID).name("示例商户全称")
                .account("190001001").channel(SplitChannel.WX);
    }

    private static SplitProfitCreateRequest split(Charge charge, String receiver, long amount) {
        return new SplitProfitCreateRequest().app(Fixtures.APP).charge(charge.getId()).orderNo(Fixtures.orderNo())
                .type(SplitProfitType.SPLIT_NORMAL).recipients(List.of(new SplitProfitRecipientRequest()
                        .splitReceiver(receiver).amount(amount).description("Your Description")));
    }

    private static List<ProfitTransaction> profitTransactions(PingppClient client, SplitProfit split) {
        return client.profitTransactions().list(ListProfitTransactionsParams.builder().app(Fixtures.APP)
                .splitProfit(split.getId()).build()).data();
    }

    private static long sumProfitTransactions(PingppClient client) {
        long total = 0;
        for (ProfitTransaction transaction : client.profitTransactions().list(ListProfitTransactionsParams.builder()
                .app(Fixtures.APP).perPage(100).build()).autoPaging()) {
            total += transaction.getAmount();
        }
        return total;
    }

    private static void assertRefused(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOf(ChannelException.class)
                .satisfies(e -> assertThat(((ChannelException) e).code()).isEqualTo(code));
    }
}
