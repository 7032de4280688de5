package org.pingppopenapi.sandbox.domain;

import java.util.List;

/** The channels a platform app of the sandbox supports: every channel the documents name (charge document 001, SDK tables). */
final class KnownChannels {

    static final List<String> ALL = List.of(
            "alipay", "alipay_wap", "alipay_pc_direct", "alipay_qr", "alipay_scan",
            "wx", "wx_pub", "wx_pub_qr", "wx_pub_scan", "wx_wap", "wx_lite",
            "upacp", "upacp_wap", "upacp_pc", "upacp_b2b", "upacp_qr", "cp_b2b", "applepay_upacp",
            "bfb", "bfb_wap", "jdpay_wap", "yeepay_wap", "qpay", "qpay_pub", "cmb_wallet", "fqlpay_wap", "mmdpay_wap",
            "qgbc_wap", "isv_qr", "isv_scan", "isv_wap", "cb_alipay", "cb_wx", "cb_wx_pub", "cb_wx_pub_qr",
            "cb_wx_pub_scan", "paypal", "ccb_pay", "ccb_qr", "cmpay", "coolcredit", "isv_lite");

    private KnownChannels() {
    }
}
