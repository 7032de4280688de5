package org.pingppopenapi.sandbox.domain;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * Fake payment credentials (支付凭据) shaped like each channel's real ones, so a client app's code path through
 * the channel SDK's parameters can be exercised: WeChat's {@code appId}/{@code prepayId}/{@code timeStamp} map,
 * UnionPay's {@code tn}, Alipay's signed order string, QR code URLs. They pay nothing; the sandbox's
 * {@code /sandbox/charges/{id}/pay} endpoint stands in for the customer paying.
 *
 * <p>Every channel value is an object, as the spec's {@code Credential} schema requires; WeChat's QR channels,
 * whose live credential is a bare URL string, get {@code {"code_url": ...}}.
 */
public final class Credentials {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final IdGenerator ids;

    public Credentials(IdGenerator ids) {
        this.ids = ids;
    }

    /** The credential of a new charge. */
    public ObjectNode forCharge(String channel, String orderNo, long amount, Instant now) {
        ObjectNode credential = JSON.objectNode().put("object", "credential");
        credential.set(channel, channelPart(channel, orderNo, amount, now));
        return credential;
    }

    private ObjectNode channelPart(String channel, String orderNo, long amount, Instant now) {
        ObjectNode part = JSON.objectNode();
        switch (channel) {
            case "wx", "cb_wx" -> part.put("appId", "wx" + ids.hex(16))
                    .put("partnerId", ids.digits(10))
                    .put("prepayId", "wx" + ids.hex(30))
                    .put("nonceStr", ids.hex(32))
                    .put("timeStamp", now.getEpochSecond())
                    .put("packageValue", "Sign=WXPay")
                    .put("sign", ids.hex(40));
            case "wx_pub", "wx_lite", "cb_wx_pub" -> part.put("appId", "wx" + ids.hex(16))
                    .put("timeStamp", Long.toString(now.getEpochSecond()))
                    .put("nonceStr", ids.hex(32))
                    .put("package", "prepay_id=wx" + ids.hex(30))
                    .put("signType", "MD5")
                    .put("paySign", ids.hex(32).toUpperCase(Locale.ROOT));
            case "wx_pub_qr", "cb_wx_pub_qr" -> part.put("code_url", "weixin://wxpay/bizpayurl?pr=" + ids.random(7));
            case "wx_wap" -> part.put("url", "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx"
                    + ids.hex(30) + "&package=" + ids.digits(10));
            case "alipay" -> part.put("orderInfo", "service=\"mobile.securitypay.pay\"&_input_charset=\"utf-8\""
                    + "&out_trade_no=\"" + orderNo + "\"&total_fee=\"" + yuan(amount) + "\"&sign_type=\"RSA\"&sign=\""
                    + ids.random(172) + "\"");
            case "alipay_wap", "alipay_pc_direct", "cb_alipay" -> part.put("channel_url", "https://mapi.alipay.com/gateway.do")
                    .put("_input_charset", "utf-8")
                    .put("out_trade_no", orderNo)
                    .put("total_fee", yuan(amount))
                    .put("sign_type", "RSA")
                    .put("sign", ids.random(172));
            case "alipay_qr" -> part.put("qr_code", "https://qr.alipay.com/bax0" + ids.random(20));
            case "upacp", "applepay_upacp", "cp_b2b", "upacp_b2b" -> part.put("tn", ids.digits(21)).put("mode", "01");
            case "upacp_wap", "upacp_pc" -> part.put("url", "https://gateway.95516.com/gateway/api/frontTransReq.do")
                    .put("tn", ids.digits(21));
            case "upacp_qr" -> part.put("qr_code", "https://qr.95516.com/00010000/" + ids.digits(20));
            case "isv_qr" -> part.put("qr_code", "https://qr.pingxx.com/isv_qr/" + ids.random(24));
            case "isv_wap" -> part.put("url", "https://isv.pingxx.com/isv_wap/" + ids.random(24));
            default -> part.put("out_trade_no", orderNo).put("amount", amount);
        }
        return part;
    }

    /** A transaction number in the channel's shape, given when a charge is paid. */
    public String transactionNo(String channel) {
        return Channels.inGroup("alipay", channel) ? ids.digits(16) : ids.digits(28);
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
