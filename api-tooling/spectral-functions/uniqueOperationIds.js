// Spectral custom function for the rule pingpp-operation-id-unique.
// spectral:oas has operation-operationId-unique, but it only looks at `paths`; our operationIds are also
// the method names of the generated client and server and the Postman fallback names, and the webhook
// operations under `x-webhooks` take part in code generation too. So uniqueness is checked across both.
// Reports every occurrence of an operationId that is used more than once, naming the other places.

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const OPERATION_CONTAINERS = ['paths', 'x-webhooks'];

export default function uniqueOperationIds(document) {
  if (document === null || typeof document !== 'object') return [];
  const seen = new Map();
  for (const container of OPERATION_CONTAINERS) {
    const items = document[container];
    if (items === null || typeof items !== 'object') continue;
    for (const [key, pathItem] of Object.entries(items)) {
      if (pathItem === null || typeof pathItem !== 'object') continue;
      for (const method of METHODS) {
        const operation = pathItem[method];
        if (operation === null || typeof operation !== 'object' || typeof operation.operationId !== 'string') continue;
        const where = [container, key, method, 'operationId'];
        const places = seen.get(operation.operationId) ?? [];
        places.push(where);
        seen.set(operation.operationId, places);
      }
    }
  }
  const results = [];
  for (const [operationId, places] of seen) {
    if (places.length < 2) continue;
    for (const place of places) {
      const others = places.filter((other) => other !== place).map((other) => `${other[2].toUpperCase()} ${other[1]}`);
      results.push({
        message: `operationId "${operationId}" is also used by ${others.join(', ')}; operationIds must be unique`,
        path: place,
      });
    }
  }
  return results;
}
