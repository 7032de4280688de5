/**
 * The code generated from the spec that is not part of the client's API: the service implementations, the operation
 * descriptors, the event object types and the index of operations. Regenerated on every build.
 */
package org.pingppopenapi.client.internal.generated;
