package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;



import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.ChannelException;
import org.pingppopenapi.client.InvalidRequestException;
import org.pingppopenapi.client.PingppClient;
import org.pingppopenapi.client.PingppException;
import org.pingppopenapi.client.model.AppReference;
import org.pingppopenapi.client.model.BalanceBonus;
import org.pingppopenapi.client.model.BalanceBonusCreateRequest;
import org.pingppopenapi.client.model.BalanceTransaction;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.BalanceSettlement;
import org.pingppopenapi.client.model.BalanceTransfer;
import org.pingppopenapi.client.model.BalanceTransferCreateRequest;
import org.pingppopenapi.client.model.BatchWithdrawal;
import org.pingppopenapi.client.model.BatchWithdrawalCreateRequest;
import org.pingppopenapi.client.model.Coupon;
import org.pingppopenapi.client.model.CouponCreateRequest;
import org.pingppopenapi.client.model.CouponTemplate;
import org.pingppopenapi.client.model.CouponTemplateCreateRequest;
import org.pingppopenapi.client.model.CouponTemplateExpiration;
import org.pingppopenapi.client.model.Event;
import org.pingppopenapi.client.model.Order;
import org.pingppopenapi.client.model.OrderCancelRequest;
import org.pingppopenapi.client.model.OrderPayRequest;
import org.pingppopenapi.client.model.OrderRefundCreateRequest;
import org.pingppopenapi.client.model.Recharge;
import org.pingppopenapi.client.model.RechargeChargeParams;
import org.pingppopenapi.client.model.RechargeCreateRequest;
import org.pingppopenapi.client.model.RechargeRefundCreateRequest;
import org.pingppopenapi.client.model.Refund;
import org.pingppopenapi.client.model.SettleAccount;
import org.pingppopenapi.client.model.SettleAccountChannel;
import org.pingppopenapi.client.model.SettleAccountCreateRequest;
import org.pingppopenapi.client.model.SettleAccountRecipientParams;
import org.pingppopenapi.client.model.SettleAccountVerifyRequest;
import org.pingppopenapi.client.model.Transfer;
import org.pingppopenapi.client.model.TransferCreateRequest;
import org.pingppopenapi.client.model.TransferType;
import org.pingppopenapi.client.model.User;
import org.pingppopenapi.client.model.UserCreateRequest;
import org.pingppopenapi.client.model.UserUpdateRequest;
import org.pingppopenapi.client.model.Withdrawal;
import org.pingppopenapi.client.model.WithdrawalCreateRequest;
import org.pingppopenapi.client.model.WithdrawalStatus;
import org.pingppopenapi.client.model.WithdrawalUpdateRequest;
import org.pingppopenapi.client.param.ListEventsParams;
import org.pingppopenapi.client.param.ListUsersParams;

/**
 * The account system's money through the client, against the sandbox: every change of a balance is a balance
 * transaction, and the books balance after each flow ({@link LedgerBooks#assertBalanced}).
 */
class AccountFlowTest {

    private static final int CONCURRENT_WITHDRAWALS = 200;

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
    void aUserRechargesGetsABonusTransfersAndWithdraws() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        SandboxHttp http = new SandboxHttp(sandbox.baseUri(), key);
        client.users().create(new UserCreateRequest().id("alice").name("Alice"));

        recharge(client, http, "alice", 1000, 10);
        BalanceBonus bonus = client.balanceBonuses().create(new BalanceBonusCreateRequest().user("alice").amount(50L)
                .orderNo(Fixtures.orderNo()).description("welcome"));
        BalanceTransfer transfer = client.balanceTransfers().create(new BalanceTransferCreateRequest().user("alice")
                .recipient("bob").amount(300L).userFee(5L).orderNo(Fixtures.orderNo()));
        Withdrawal paid = client.withdrawals().create(alipayWithdrawal("alice", 200));
        Withdrawal canceled = client.withdrawals().create(alipayWithdrawal("alice", 100));

        assertThat(balance(client, "alice")).as("990 recharged, 50 bonus, 305 sent, 300 applied for").isEqualTo(435);
        assertThat(balance(client, "bob")).isEqualTo(300);
        assertThat(bonus.getPaid()).isTrue();
        assertThat(client.balanceTransactions().retrieve(bonus.getBalanceTransaction()).getType())
                .isEqualTo(BalanceTransaction.TypeEnum.RECEIPTS_EXTRA);
        BalanceTransaction sent = client.balanceTransactions().retrieve(transfer.getUserBalanceTransaction());
        BalanceTransaction received = client.balanceTransactions().retrieve(transfer.getRecipientBalanceTransaction());
        assertThat(List.of(sent.getAmount(), received.getAmount())).containsExactly(-305L, 300L);
        assertThat(List.of(sent.getSource(), received.getSource())).containsOnly(transfer.getId());
        assertThat(paid.getStatus()).isEqualTo(WithdrawalStatus.CREATED);

        Withdrawal pending = client.withdrawals().update(paid.getId(), confirm());
        assertThat(pending.getStatus()).isEqualTo(WithdrawalStatus.PENDING);
        SandboxHttp.ok(http.post(withdrawalPath(paid) + "/succeed"));
        assertThat(client.withdrawals().retrieve(paid.getId()).getStatus()).isEqualTo(WithdrawalStatus.SUCCEEDED);
        List<Event> events = client.events().list(ListEventsParams.builder().type("balance.withdrawal.succeeded").build())
                .data();
        assertThat(events).singleElement().satisfies(event ->
                assertThat(event.getData().getObject().as(Withdrawal.class)).get()
                        .satisfies(withdrawal -> assertThat(withdrawal.getStatus()).isEqualTo(WithdrawalStatus.SUCCEEDED)));

        Withdrawal revoked = client.withdrawals().update(canceled.getId(), new WithdrawalUpdateRequest()
                .status(WithdrawalUpdateRequest.StatusEnum.CANCELED));
        assertThat(revoked.getStatus()).isEqualTo(WithdrawalStatus.CANCELED);
        assertThat(balance(client, "alice")).as("the canceled withdrawal's 100 came back").isEqualTo(535);
        assertThatThrownBy(() -> client.withdrawals().update(canceled.getId(), confirm()))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("status"));

        assertThat(LedgerBooks.transactions(client)).extracting(BalanceTransaction::getType).containsExactly(
                BalanceTransaction.TypeEnum.RECHARGE, BalanceTransaction.TypeEnum.RECEIPTS_EXTRA,
                BalanceTransaction.TypeEnum.TRANSFER, BalanceTransaction.TypeEnum.TRANSFER,
                BalanceTransaction.TypeEnum.WITHDRAWAL, BalanceTransaction.TypeEnum.WITHDRAWAL,
                BalanceTransaction.TypeEnum.WITHDRAWAL_REVOKED);
        LedgerBooks.assertBalanced(client, List.of("alice", "bob"));
    }

    @Test
    void aBalanceIsNeverOverdrawn() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        client.balanceBonuses().create(new BalanceBonusCreateRequest().user("carol").amount(100L).orderNo(Fixtures.orderNo()));

        assertThatThrownBy(() -> client.balanceTransfers().create(new BalanceTransferCreateRequest().user("carol")
                .recipient("dave").amount(100L).userFee(1L).orderNo(Fixtures.orderNo())))
                .isInstanceOf(ChannelException.class)
                .satisfies(e -> assertThat(((ChannelException) e).code()).isEqualTo("insufficient_balance"));
        assertThatThrownBy(() -> client.withdrawals().create(alipayWithdrawal("carol", 101)))
                .isInstanceOf(ChannelException.class)
                .satisfies(e -> assertThat(((ChannelException) e).code()).isEqualTo("insufficient_balance"));
        Order order = client.orders().create(Fixtures.order(101, "carol"));
        assertThatThrownBy(() -> client.orders().pay(order.getId(), new OrderPayRequest().chargeAmount(0L).balanceAmount(101L)))
                .isInstanceOf(ChannelException.class)
                .satisfies(e -> assertThat(((ChannelException) e).code()).isEqualTo("insufficient_balance"));

        assertThat(balance(client, "carol")).isEqualTo(100);
        assertThat(LedgerBooks.assertBalanced(client, List.of("carol", "dave"))).containsEntry("dave", 0L);
    }

    @Test
    void ordersPaidFromTheBalanceAndRefundedToItAreBalanceTransactions() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        client.balanceBonuses().create(new BalanceBonusCreateRequest().user("erin").amount(500L).orderNo(Fixtures.orderNo()));
        Order order = client.orders().create(Fixtures.order(200, "erin"));

        client.orders().pay(order.getId(), new OrderPayRequest().chargeAmount(0L).balanceAmount(200L));
        assertThat(balance(client, "erin")).isEqualTo(300);
        client.orders().orderRefunds().create(order.getId(), new OrderRefundCreateRequest().description("back"));

        assertThat(balance(client, "erin")).isEqualTo(500);
        assertThat(LedgerBooks.transactions(client)).extracting(BalanceTransaction::getType).containsExactly(
                BalanceTransaction.TypeEnum.RECEIPTS_EXTRA, BalanceTransaction.TypeEnum.PAYMENT,
                BalanceTransaction.TypeEnum.PAYMENT_REFUND);
        LedgerBooks.assertBalanced(client, List.of("erin"));
    }

    @Test
    void rechargeThenConcurrentWithdrawalsNeverTakeTheBalanceBelowZero() throws Exception {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        recharge(client, new SandboxHttp(sandbox.baseUri(), key), "frank", 10_000, 0);

        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_WITHDRAWALS);
        CountDownLatch ready = new CountDownLatch(CONCURRENT_WITHDRAWALS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> outcomes = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_WITHDRAWALS; i++) {
            long amount = 50 + i % 100;
            Callable<Long> withdraw = () -> {
                ready.countDown();
                go.await();
                try {
                    return client.withdrawals().create(alipayWithdrawal("frank", amount)).getAmount();
                } catch (ChannelException refused) {
                    assertThat(refused.code()).isEqualTo("insufficient_balance");
                    return 0L;
                }
            };
            outcomes.add(pool.submit(withdraw));
        }
        ready.await();
        go.countDown();
        long withdrawn = 0;
        int accepted = 0;
        for (Future<Long> outcome : outcomes) {
            long amount = outcome.get();
            withdrawn += amount;
            accepted += amount > 0 ? 1 : 0;
        }
        pool.shutdown();

        assertThat(withdrawn).isLessThanOrEqualTo(10_000L);
        assertThat(accepted).as("about 100 of the 200 fit; some must have been refused").isBetween(1, CONCURRENT_WITHDRAWALS - 1);
        assertThat(balance(client, "frank")).isEqualTo(10_000L - withdrawn).isNotNegative();
        assertThat(LedgerBooks.transactions(client)).hasSize(1 + accepted);
        LedgerBooks.assertBalanced(client, List.of("frank"));
    }

    @Test
    void aRechargeRefundTakesTheRechargeBackOnceAndNeverOverdraws() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        SandboxHttp http = new SandboxHttp(sandbox.baseUri(), key);
        Recharge kept = recharge(client, http, "gina", 1000, 100);
        Recharge spent = recharge(client, http, "gina", 500, 0);
        client.balanceTransfers().create(new BalanceTransferCreateRequest().user("gina").recipient("hank").amount(500L)
                .orderNo(Fixtures.orderNo()));

        Refund refund = client.recharges().refunds().create(kept.getId(), new RechargeRefundCreateRequest()
                .description("the customer changed their mind"));
        assertThat(refund.getAmount()).as("the whole charge is refunded").isEqualTo(1000L);
        assertThat(balance(client, "gina")).as("900 and 500 recharged, 500 sent, the 900 refunded").isZero();
        assertThat(client.recharges().retrieve(kept.getId()).getRefunded()).isTrue();
        assertThat(client.recharges().refunds().retrieve(kept.getId(), refund.getId())).isEqualTo(refund);
        assertThatThrownBy(() -> client.recharges().refunds().create(kept.getId(), new RechargeRefundCreateRequest()
                .description("again")))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("recharge_id"));
        assertThatThrownBy(() -> client.recharges().refunds().create(spent.getId(), new RechargeRefundCreateRequest()
                .description("spent")))
                .isInstanceOf(ChannelException.class)
                .satisfies(e -> assertThat(((ChannelException) e).code()).isEqualTo("insufficient_balance"));

        assertThat(client.recharges().retrieve(spent.getId()).getRefunded()).isFalse();
        assertThat(balance(client, "gina")).isZero();
        LedgerBooks.assertBalanced(client, List.of("gina", "hank"));
    }

    @Test
    void batchWithdrawalsConfirmOrCancelAllOrNothing() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        client.balanceBonuses().create(new BalanceBonusCreateRequest().user("ivy").amount(1000L).orderNo(Fixtures.orderNo()));
        Withdrawal first = client.withdrawals().create(alipayWithdrawal("ivy", 100));
        Withdrawal second = client.withdrawals().create(alipayWithdrawal("ivy", 200));
        Withdrawal third = client.withdrawals().create(alipayWithdrawal("ivy", 300));

        BatchWithdrawal confirmed = client.batchWithdrawals().create(new BatchWithdrawalCreateRequest()
                .withdrawals(List.of(first.getId(), second.getId())));
        assertThat(confirmed.getAmount()).isEqualTo(300L);
        assertThat(confirmed.getCount()).isEqualTo(2);
        assertThat(client.withdrawals().retrieve(first.getId()).getStatus()).isEqualTo(WithdrawalStatus.PENDING);
        assertThatThrownBy(() -> client.batchWithdrawals().create(new BatchWithdrawalCreateRequest()
                .withdrawals(List.of(third.getId(), second.getId())).status(BatchWithdrawalCreateRequest.StatusEnum.CANCELED)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("withdrawals"));
        assertThat(client.withdrawals().retrieve(third.getId()).getStatus()).as("nothing applied").isEqualTo(WithdrawalStatus.CREATED);

        BatchWithdrawal canceled = client.batchWithdrawals().create(new BatchWithdrawalCreateRequest()
                .withdrawals(List.of(third.getId())).status(BatchWithdrawalCreateRequest.StatusEnum.CANCELED));
        assertThat(canceled.getCountCanceled()).isEqualTo(1);
        assertThat(client.batchWithdrawals().retrieve(canceled.getId()).getAmountCanceled()).isEqualTo(300L);
        assertThat(balance(client, "ivy")).isEqualTo(700);
        LedgerBooks.assertBalanced(client, List.of("ivy"));
    }

    @Test
    void aFailedPayoutGivesTheMoneyBackOrWaitsForAnotherConfirmation() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        SandboxHttp http = new SandboxHttp(sandbox.baseUri(), key);
        client.balanceBonuses().create(new BalanceBonusCreateRequest().user("jack").amount(1000L).orderNo(Fixtures.orderNo()));
        Withdrawal usersFault = client.withdrawals().update(client.withdrawals().create(alipayWithdrawal("jack", 400)).getId(),
                confirm());
        Withdrawal merchantsFault = client.withdrawals().update(client.withdrawals().create(alipayWithdrawal("jack", 300))
                .getId(), confirm());

        SandboxHttp.ok(http.post(withdrawalPath(usersFault) + "/fail?reason=user&failure_msg=wrong%20account"));
        SandboxHttp.ok(http.post(withdrawalPath(merchantsFault) + "/fail?reason=merchant"));

        Withdrawal failed = client.withdrawals().retrieve(usersFault.getId());
        assertThat(failed.getStatus()).isEqualTo(WithdrawalStatus.FAILED);
        assertThat(failed.getFailureMsg()).isEqualTo("wrong account");
        assertThat(client.withdrawals().retrieve(merchantsFault.getId()).getStatus()).isEqualTo(WithdrawalStatus.CREATED);
        assertThat(balance(client, "jack")).as("400 came back, 300 is still held").isEqualTo(700);
        assertThat(client.withdrawals().update(merchantsFault.getId(), confirm()).getStatus()).isEqualTo(WithdrawalStatus.PENDING);
        assertThat(http.post(withdrawalPath(failed) + "/succeed").status()).isEqualTo(400);
        LedgerBooks.assertBalanced(client, List.of("jack"));
    }

    @Test
    void usersAreCreatedListedUpdatedAndDisabled() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        User created = client.users().create(new UserCreateRequest().id("kate").name("Kate").email("kate@example.com")
                .metadata(Map.of("tier", "gold")));
        assertThat(created.getAvailableBalance()).isZero();
        assertThat(created.getDisabled()).isFalse();
        assertThat(created.getType()).isEqualTo("customer");
        assertThatThrownBy(() -> client.users().create(new UserCreateRequest().id("kate")))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("id"));
        assertThatThrownBy(() -> client.users().retrieve("nobody"))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).httpStatus()).isEqualTo(404));

        User updated = client.users().update("kate", new UserUpdateRequest().mobile("17602101010"));
        assertThat(updated.getName()).as("fields left out keep their values").isEqualTo("Kate");
        assertThat(updated.getMobile()).isEqualTo("17602101010");
        client.balanceBonuses().create(new BalanceBonusCreateRequest().user("kate").amount(100L).orderNo(Fixtures.orderNo()));
        assertThat(client.users().update("kate", new UserUpdateRequest().disabled(true)).getDisabled()).isTrue();

        assertThatThrownBy(() -> client.balanceTransfers().create(new BalanceTransferCreateRequest().user("kate")
                .recipient("leo").amount(10L).orderNo(Fixtures.orderNo())))
                .isInstanceOf(ChannelException.class)
                .satisfies(e -> assertThat(((ChannelException) e).code()).isEqualTo("user_disabled"));
        assertThatThrownBy(() -> client.withdrawals().create(alipayWithdrawal("kate", 10)))
                .isInstanceOf(ChannelException.class)
                .satisfies(e -> assertThat(((ChannelException) e).code()).isEqualTo("user_disabled"));
        client.users().update("kate", new UserUpdateRequest().disabled(false));
        client.withdrawals().create(alipayWithdrawal("kate", 10));
        assertThat(client.users().list(ListUsersParams.builder().build()).data()).extracting(User::getId).containsExactly("kate");
        LedgerBooks.assertBalanced(client, List.of("kate"));
    }

    @Test
    void anOrderPaidWithACouponIsChargedTheDiscountedAmountAndTheCouponIsUsedOnce() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        client.users().create(new UserCreateRequest().id("mia"));
        CouponTemplate cash = client.couponTemplates().create(new CouponTemplateCreateRequest().type(1).amountOff(300L)
                .amountAvailable(1000L).maxUserCirculation(1).refundable(true));
        Coupon coupon = client.users().coupons().create("mia", new CouponCreateRequest().couponTemplate(cash.getId()));
        assertThat(coupon.getValid()).isTrue();
        assertThat(client.users().retrieve("mia").getAvailableCoupons()).isEqualTo(1);
        assertThatThrownBy(() -> client.users().coupons().create("mia", new CouponCreateRequest().couponTemplate(cash.getId())))
                .isInstanceOf(ChannelException.class)
                .satisfies(e -> assertThat(((ChannelException) e).code()).isEqualTo("coupon_limit_exceeded"));
        assertThatThrownBy(() -> client.orders().create(Fixtures.order(999, "mia").coupon(coupon.getId())))
                .as("below the template's amount_available")
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("coupon"));

        Order order = client.orders().create(Fixtures.order(1000, "mia").coupon(coupon.getId()));
        assertThat(order.getCouponAmount()).isEqualTo(300L);
        assertThat(order.getActualAmount()).isEqualTo(700L);
        Order paying = client.orders().pay(order.getId(), new OrderPayRequest().chargeAmount(700L).channel("alipay"));
        assertThat(client.charges().retrieve(paying.getCharge()).getAmount()).as("the charge is the discounted amount")
                .isEqualTo(700L);
        assertThatThrownBy(() -> client.orders().pay(order.getId(), new OrderPayRequest().chargeAmount(1000L).channel("alipay")))
                .isInstanceOf(PingppException.class);

        Coupon redeemed = client.users().coupons().retrieve("mia", coupon.getId());
        assertThat(redeemed.getRedeemed()).isTrue();
        assertThat(redeemed.getValid()).isFalse();
        assertThat(redeemed.getOrder()).isEqualTo(order.getId());
        assertThat(redeemed.getActualAmount()).isEqualTo(700L);
        assertThat(client.couponTemplates().retrieve(cash.getId()).getTimesRedeemed()).isEqualTo(1L);
        assertThat(client.users().retrieve("mia").getAvailableCoupons()).isZero();
        assertThatThrownBy(() -> client.orders().create(Fixtures.order(1000, "mia").coupon(coupon.getId())))
                .as("a coupon is used once")
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("coupon"));
    }

    @Test
    void aDiscountCouponIsCappedGivenBackWhenItsOrderIsCanceledAndUsableOnlyWhileValid() throws Exception {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        client.users().create(new UserCreateRequest().id("ned"));
        CouponTemplate percent = client.couponTemplates().create(new CouponTemplateCreateRequest().type(2).percentOff(20)
                .discountAmountLimit(50L).maxUserCirculation(5));
        Coupon coupon = client.users().coupons().create("ned", new CouponCreateRequest().couponTemplate(percent.getId()));

        Order canceled = client.orders().create(Fixtures.order(400, "ned").coupon(coupon.getId()));
        assertThat(canceled.getActualAmount()).as("20%% of 400 is 80, capped at 50").isEqualTo(350L);
        client.orders().cancel(canceled.getId(), new OrderCancelRequest().status(OrderCancelRequest.StatusEnum.CANCELED));
        assertThat(client.users().coupons().retrieve("ned", coupon.getId()).getValid()).isTrue();
        assertThat(client.orders().create(Fixtures.order(200, "ned").coupon(coupon.getId())).getActualAmount())
                .isEqualTo(160L);

        Coupon racedFor = client.users().coupons().create("ned", new CouponCreateRequest().couponTemplate(percent.getId()));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Boolean>> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(pool.submit(() -> {
                try {
                    client.orders().create(Fixtures.order(100, "ned").coupon(racedFor.getId()));
                    return true;
                } catch (InvalidRequestException refused) {
                    return false;
                }
            }));
        }
        int won = 0;
        for (Future<Boolean> placed : orders) {
            won += placed.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(won).as("exactly one of 20 orders racing for one coupon gets it").isEqualTo(1);

        long now = System.currentTimeMillis() / 1000;
        CouponTemplate expired = client.couponTemplates().create(new CouponTemplateCreateRequest().type(1).amountOff(10L)
                .expiration(new CouponTemplateExpiration().timeStart(now - 7200).timeEnd(now - 3600)));
        Coupon stale = client.users().coupons().create("ned", new CouponCreateRequest().couponTemplate(expired.getId()));
        assertThat(stale.getValid()).isFalse();
        assertThatThrownBy(() -> client.orders().create(Fixtures.order(100, "ned").coupon(stale.getId())))
                .isInstanceOf(InvalidRequestException.class);
        Coupon orphan = client.users().coupons().create("ned", new CouponCreateRequest().couponTemplate(percent.getId()));
        client.couponTemplates().delete(percent.getId());
        assertThat(client.users().coupons().retrieve("ned", orphan.getId()).getValid())
                .as("a deleted template's coupons are no longer valid").isFalse();
    }

    @Test
    void aSettleAccountVerifiesWithTheSandboxsMicroDepositAndReceivesWithdrawals() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        client.users().create(new UserCreateRequest().id("olga"));
        SettleAccount alipay = client.users().settleAccounts().create("olga", new SettleAccountCreateRequest()
                .channel(SettleAccountChannel.ALIPAY).recipient(new SettleAccountRecipientParams()
                        .account("account01@gmail.com").name("李四")));

        assertThat(client.users().settleAccounts().verify("olga", alipay.getId(), new SettleAccountVerifyRequest()
                .receiveAmount(2L)).getId()).isEqualTo(alipay.getId());
        assertThatThrownBy(() -> client.users().settleAccounts().verify("olga", alipay.getId(),
                new SettleAccountVerifyRequest().receiveAmount(3L)))
                .isInstanceOf(ChannelException.class)
                .satisfies(e -> assertThat(((ChannelException) e).code()).isEqualTo("settle_account_verification_failed"))
                .satisfies(e -> assertThat(((ChannelException) e).param()).isEqualTo("receive_amount"));
        assertThat(client.users().retrieve("olga").getSettleAccounts()).extracting(SettleAccount::getId)
                .containsExactly(alipay.getId());

        client.balanceBonuses().create(new BalanceBonusCreateRequest().user("olga").amount(100L).orderNo(Fixtures.orderNo()));
        Withdrawal toSettleAccount = client.withdrawals().create(new WithdrawalCreateRequest().user("olga").amount(60L)
                .orderNo(Fixtures.orderNo()).settleAccount(alipay.getId()));
        assertThat(toSettleAccount.getChannel()).isEqualTo("alipay");
        assertThatThrownBy(() -> client.withdrawals().create(new WithdrawalCreateRequest().user("olga").amount(10L)
                .orderNo(Fixtures.orderNo())))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("channel"));
        assertThat(balance(client, "olga")).isEqualTo(40);
    }

    @Test
    void aPaidTransferOnTheBalanceChannelCreditsItsRecipient() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        Transfer transfer = client.transfers().create(new TransferCreateRequest().app(new AppReference().id(Fixtures.APP))
                .channel("balance").orderNo(Fixtures.orderNo()).amount(150L).type(TransferType.B2C).currency("cny")
                .recipient("paul").description("balance transfer"));
        assertThat(LedgerBooks.transactions(client)).as("nothing moves before the transfer is paid").isEmpty();

        SandboxHttp.ok(new SandboxHttp(sandbox.baseUri(), key).post("/sandbox/transfers/" + transfer.getId() + "/pay"));

        assertThat(balance(client, "paul")).isEqualTo(150);
        assertThat(LedgerBooks.transactions(client)).singleElement().satisfies(credit -> {
            assertThat(credit.getType()).isEqualTo(BalanceTransaction.TypeEnum.TRANSFER);
            assertThat(credit.getSource()).isEqualTo(transfer.getId());
        });
        LedgerBooks.assertBalanced(client, List.of("paul"));
    }

    @Test
    void aPaidChargeSettledIntoABalanceIsABalanceSettlementAndACredit() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        SandboxHttp http = new SandboxHttp(sandbox.baseUri(), key);
        Charge unpaid = client.charges().create(Fixtures.upacpCharge(250));
        assertThat(http.post("/sandbox/charges/" + unpaid.getId() + "/balance_settlement?user=quinn").status())
                .as("an unpaid charge is not settled").isEqualTo(402);
        SandboxHttp.ok(http.post("/sandbox/charges/" + unpaid.getId() + "/pay"));

        SandboxHttp.Answer settled = http.post("/sandbox/charges/" + unpaid.getId() + "/balance_settlement?user=quinn");

        SandboxHttp.ok(settled);
        String settlementId = settled.json().path("id").asText();
        assertThat(client.balanceSettlements().retrieve(settlementId).getAmount()).isEqualTo(250L);
        assertThat(client.balanceSettlements().list().data()).extracting(BalanceSettlement::getId).containsExactly(settlementId);
        assertThat(balance(client, "quinn")).isEqualTo(250);
        assertThat(LedgerBooks.transactions(client)).singleElement().satisfies(credit -> {
            assertThat(credit.getType()).isEqualTo(BalanceTransaction.TypeEnum.CREDITED);
            assertThat(credit.getSource()).isEqualTo(settlementId);
        });
        assertThat(http.post("/sandbox/charges/" + unpaid.getId() + "/balance_settlement?user=quinn").status())
                .as("a charge is settled once").isEqualTo(402);
        LedgerBooks.assertBalanced(client, List.of("quinn"));
    }

    private static Recharge recharge(PingppClient client, SandboxHttp http, String user, long amount, long userFee) {
        Recharge recharge = client.recharges().create(new RechargeCreateRequest().user(user).userFee(userFee)
                .charge(new RechargeChargeParams().amount(amount).channel("alipay").orderNo(Fixtures.orderNo())
                        .subject("recharge").body("recharge")));
        http.pay(recharge.getCharge().getId());
        return client.recharges().retrieve(recharge.getId());
    }

    static WithdrawalCreateRequest alipayWithdrawal(String user, long amount) {
        return new WithdrawalCreateRequest().user(user).amount(amount).orderNo(Fixtures.orderNo()).channel("alipay")
                .extra(Map.of("account", "13800000000", "name", "张三"));
    }

    private static WithdrawalUpdateRequest confirm() {
        return new WithdrawalUpdateRequest().status(WithdrawalUpdateRequest.StatusEnum.PENDING);
    }

    private static String withdrawalPath(Withdrawal withdrawal) {
        return "/sandbox/apps/" + Fixtures.APP + "/withdrawals/" + withdrawal.getId();
    }

    private static long balance(PingppClient client, String user) {
        return client.users().retrieve(user).getAvailableBalance();
    }
}
