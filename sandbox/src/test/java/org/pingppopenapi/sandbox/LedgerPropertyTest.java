package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pingppopenapi.client.ChannelException;
import org.pingppopenapi.client.PingppClient;
import org.pingppopenapi.client.model.BalanceBonusCreateRequest;
import org.pingppopenapi.client.model.BalanceTransferCreateRequest;
import org.pingppopenapi.client.model.Order;
import org.pingppopenapi.client.model.OrderPayRequest;
import org.pingppopenapi.client.model.OrderRefundCreateRequest;
import org.pingppopenapi.client.model.Recharge;
import org.pingppopenapi.client.model.RechargeChargeParams;
import org.pingppopenapi.client.model.RechargeCreateRequest;
import org.pingppopenapi.client.model.RechargeRefundCreateRequest;
import org.pingppopenapi.client.model.WithdrawalUpdateRequest;

/**
 * The ledger's property: after any sequence of balance operations through the client (recharges, bonuses, transfers
 * in and out, withdrawals applied, confirmed, paid, failed or canceled, recharge refunds, orders paid from the
 * balance and refunded to it), every user's balance is the sum of its balance transactions and was never negative,
 * and each operation was accepted exactly when a model of the balances says it must be. Then the same under
 * concurrency: 200 withdrawals and transfers at once from one balance overdraw nothing.
 *
 * <p>Seeded: the seed is printed, and {@code -Dledger.seed=<seed>} replays a run.
 */
class LedgerPropertyTest {

    private static final int SEQUENCES = 4;
    private static final int STEPS = 60;
    private static final int CONCURRENT_REQUESTS = 200;
    private static final List<String> USERS = List.of("u1", "u2", "u3", "u4");

    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @TestFactory
    Stream<DynamicTest> theBooksBalanceAfterEveryOperation() {
        String given = System.getProperty("ledger.seed");
        long seed = given != null && !given.isBlank() ? Long.parseLong(given.trim()) : new SecureRandom().nextLong();
        System.out.println("LedgerPropertyTest seed " + seed + " (replay with -Dledger.seed=" + seed + ")");
        Random seeds = new Random(seed);
        Stream<DynamicTest> sequences = IntStream.range(0, SEQUENCES).mapToObj(run -> {
            long runSeed = seeds.nextLong();
            return DynamicTest.dynamicTest("sequence " + run + " (seed " + seed + ")",
                    () -> new Sequence(new Random(runSeed)).run());
        });
        long concurrentSeed = seeds.nextLong();
        return Stream.concat(sequences, Stream.of(DynamicTest.dynamicTest(CONCURRENT_REQUESTS
                + " concurrent withdrawals and transfers from one balance (seed " + seed + ")",
                () -> concurrentDebits(new Random(concurrentSeed)))));
    }

    /** One random sequence on a new account, checked step by step against a model of the balances. */
    private static final class Sequence {

        private final Random random;
        private final String key = Fixtures.newKey();
        private final PingppClient client = Fixtures.client(sandbox, key);
        private final SandboxHttp http = new SandboxHttp(sandbox.baseUri(), key);
        private final Map<String, Long> balances = new HashMap<>();
        private final List<Held> created = new ArrayList<>();
        private final List<Held> refundableRecharges = new ArrayList<>();
        private final List<Held> paidOrders = new ArrayList<>();
        private final List<String> log = new ArrayList<>();

        /** A withdrawal waiting for confirmation, a recharge not refunded, an order paid from the balance. */
        private record Held(String id, String user, long amount) {
        }

        Sequence(Random random) {
            this.random = random;
            USERS.forEach(user -> balances.put(user, 0L));
        }

        void run() {
            try {
                for (int step = 0; step < STEPS; step++) {
                    step();
                }
                Map<String, Long> actual = LedgerBooks.assertBalanced(client, USERS);
                assertThat(actual).isEqualTo(balances);
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError("After " + String.join(", ", log) + ": " + failure.getMessage(), failure);
            }
        }

        private void step() {
            String user = USERS.get(random.nextInt(USERS.size()));
            long amount = 1 + random.nextInt(1500);
            switch (random.nextInt(9)) {
                case 0 -> recharge(user, amount, random.nextInt((int) amount / 10 + 1));
                case 1 -> {
                    log.add("bonus " + user + " " + amount);
                    client.balanceBonuses().create(new BalanceBonusCreateRequest().user(user).amount(amount)
                            .orderNo(Fixtures.orderNo()));
                    credit(user, amount);
                }
                case 2 -> transfer(user, amount, random.nextInt(20));
                case 3 -> {
                    log.add("withdraw " + user + " " + amount);
                    if (debits(user, amount, () -> created.add(new Held(client.withdrawals()
                            .create(AccountFlowTest.alipayWithdrawal(user, amount)).getId(), user, amount)))) {
                        credit(user, -amount);
                    }
                }
                case 4 -> pick(created).ifPresent(withdrawal -> {
                    log.add("cancel " + withdrawal);
                    client.withdrawals().update(withdrawal.id(), new WithdrawalUpdateRequest()
                            .status(WithdrawalUpdateRequest.StatusEnum.CANCELED));
                    created.remove(withdrawal);
                    credit(withdrawal.user(), withdrawal.amount());
                });
                case 5 -> pick(created).ifPresent(this::confirmAndSettle);
                case 6 -> pick(refundableRecharges).ifPresent(this::refundRecharge);
                case 7 -> payOrder(user, amount);
                case 8 -> pick(paidOrders).ifPresent(order -> {
                    log.add("refund order " + order);
                    client.orders().orderRefunds().create(order.id(), new OrderRefundCreateRequest().description("back"));
                    paidOrders.remove(order);
                    credit(order.user(), order.amount());
                });
                default -> throw new IllegalStateException();
            }
        }

        private void recharge(String user, long amount, long userFee) {
            log.add("recharge " + user + " " + amount + " fee " + userFee);
            Recharge recharge = client.recharges().create(new RechargeCreateRequest().user(user).userFee(userFee)
                    .charge(new RechargeChargeParams().amount(amount).channel("alipay").orderNo(Fixtures.orderNo())
                            .subject("recharge").body("recharge")));
            http.pay(recharge.getCharge().getId());
            credit(user, amount - userFee);
            refundableRecharges.add(new Held(recharge.getId(), user, amount - userFee));
        }

        private void transfer(String payer, long amount, long fee) {
            String recipient = USERS.get((USERS.indexOf(payer) + 1 + random.nextInt(USERS.size() - 1)) % USERS.size());
            log.add("transfer " + payer + " -> " + recipient + " " + amount + " fee " + fee);
            if (debits(payer, amount + fee, () -> client.balanceTransfers().create(new BalanceTransferCreateRequest()
                    .user(payer).recipient(recipient).amount(amount).userFee(fee).orderNo(Fixtures.orderNo())))) {
                credit(payer, -amount - fee);
                credit(recipient, amount);
            }
        }

        private void confirmAndSettle(Held withdrawal) {
            String path = "/sandbox/apps/" + Fixtures.APP + "/withdrawals/" + withdrawal.id();
            client.withdrawals().update(withdrawal.id(), new WithdrawalUpdateRequest()
                    .status(WithdrawalUpdateRequest.StatusEnum.PENDING));
            switch (random.nextInt(3)) {
                case 0 -> {
                    log.add("confirm and pay " + withdrawal);
                    SandboxHttp.ok(http.post(path + "/succeed"));
                    created.remove(withdrawal);
                }
                case 1 -> {
                    log.add("confirm and fail (user) " + withdrawal);
                    SandboxHttp.ok(http.post(path + "/fail?reason=user"));
                    created.remove(withdrawal);
                    credit(withdrawal.user(), withdrawal.amount());
                }
                default -> {
                    log.add("confirm and fail (merchant) " + withdrawal);
                    SandboxHttp.ok(http.post(path + "/fail?reason=merchant"));
                }
            }
        }

        private void refundRecharge(Held recharge) {
            log.add("refund recharge " + recharge);
            if (debits(recharge.user(), recharge.amount(), () -> client.recharges().refunds().create(recharge.id(),
                    new RechargeRefundCreateRequest().description("refund")))) {
                refundableRecharges.remove(recharge);
                credit(recharge.user(), -recharge.amount());
            }
        }

        private void payOrder(String user, long amount) {
            log.add("order " + user + " " + amount);
            Order order = client.orders().create(Fixtures.order(amount, user));
            if (debits(user, amount, () -> client.orders().pay(order.getId(), new OrderPayRequest().chargeAmount(0L)
                    .balanceAmount(amount)))) {
                credit(user, -amount);
                paidOrders.add(new Held(order.getId(), user, amount));
            }
        }

        /**
         * Runs a request that takes {@code amount} from the user's balance: it must succeed when the model's balance
         * covers it and be refused with {@code insufficient_balance} otherwise. Returns whether it succeeded.
         */
        private boolean debits(String user, long amount, Runnable request) {
            boolean covered = amount == 0 || balances.get(user) >= amount;
            try {
                request.run();
                if (!covered) {
                    fail("A debit of " + amount + " from " + user + " with " + balances.get(user) + " was accepted");
                }
                return true;
            } catch (ChannelException refused) {
                assertThat(refused.code()).isEqualTo("insufficient_balance");
                assertThat(covered).as("a debit of %d from %s with %d was refused", amount, user, balances.get(user)).isFalse();
                return false;
            }
        }

        private void credit(String user, long amount) {
            balances.merge(user, amount, Long::sum);
        }

        private <T> Optional<T> pick(List<T> candidates) {
            return candidates.isEmpty() ? Optional.empty()
                    : Optional.of(candidates.get(random.nextInt(candidates.size())));
        }
    }

    /** 200 withdrawals and transfers at once from one balance that cannot pay them all. */
    private static void concurrentDebits(Random random) throws Exception {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        long funds = 20_000;
        client.balanceBonuses().create(new BalanceBonusCreateRequest().user("u1").amount(funds).orderNo(Fixtures.orderNo()));

        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_REQUESTS);
        CountDownLatch ready = new CountDownLatch(CONCURRENT_REQUESTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> outcomes = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
            long amount = 50 + random.nextInt(200);
            long fee = random.nextInt(6);
            int recipient = random.nextBoolean() ? 0 : 1 + random.nextInt(USERS.size() - 1);
            Callable<long[]> debit = () -> {
                ready.countDown();
                go.await();
                try {
                    if (recipient == 0) {
                        client.withdrawals().create(AccountFlowTest.alipayWithdrawal("u1", amount));
                        return new long[] {amount, 0, 0};
                    }
                    client.balanceTransfers().create(new BalanceTransferCreateRequest().user("u1")
                            .recipient(USERS.get(recipient)).amount(amount).userFee(fee).orderNo(Fixtures.orderNo()));
                    return new long[] {amount + fee, recipient, amount};
                } catch (ChannelException refused) {
                    assertThat(refused.code()).isEqualTo("insufficient_balance");
                    return new long[] {0, 0, 0};
                }
            };
            outcomes.add(pool.submit(debit));
        }
        ready.await();
        go.countDown();
        long debited = 0;
        int refused = 0;
        Map<String, Long> received = new HashMap<>();
        for (Future<long[]> outcome : outcomes) {
            long[] result = outcome.get();
            debited += result[0];
            refused += result[0] == 0 ? 1 : 0;
            if (result[1] > 0) {
                received.merge(USERS.get((int) result[1]), result[2], Long::sum);
            }
        }
        pool.shutdown();

        Map<String, Long> balances = LedgerBooks.assertBalanced(client, USERS);
        assertThat(debited).isLessThanOrEqualTo(funds);
        assertThat(refused).as("the requests ask for more than the balance holds").isPositive();
        assertThat(balances.get("u1")).isEqualTo(funds - debited).isNotNegative();
        for (String user : USERS.subList(1, USERS.size())) {
            assertThat(balances.get(user)).as("received by %s", user).isEqualTo(received.getOrDefault(user, 0L));
        }
    }
}
