/**
 * The client's machinery: not part of its API. Its public types are public only so that the client's other packages
 * can reach them; they change without notice. {@code ApiSurfaceTest} keeps every public signature of the API packages
 * free of them.
 */
package org.pingppopenapi.client.internal;
