package org.pingppopenapi.client;

/** How the API key is sent; Ping++ accepts both. */
public enum AuthScheme {
    /** {@code Authorization: Bearer <key>}, as the official Java, PHP, Python, Ruby and C# SDKs send it. The default. */
    BEARER,
    /** {@code Authorization: Basic base64(<key>:)}, the key as user name with no password, as Go, Node and curl do. */
    BASIC
}
