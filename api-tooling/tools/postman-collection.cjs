#!/usr/bin/env node
// Builds the Postman collection: openapi-to-postmanv2 converts the spec (a folder per tag, bodies and parameters
// from the spec's examples, optional query parameters off), then this script makes it runnable from top to bottom
// against a fresh account (the sandbox, or Ping++'s test mode for the steps that need no payment):
//
// - the variables the requests use are declared: baseUrl (the spec's server), apiKey (HTTP Basic user name, empty
//   password, at collection level), app_id, and one variable per path parameter, first set to the spec's example;
// - folders and requests run in the order of api-tooling/postman/flow.json; ids are captured from the answers into
//   those variables (flow "capture"), so a retrieve finds what the create made;
// - an operation flow.json does not name is placed by the spec alone (derivedSteps): in its tag's folder (a new one
//   after the flow's, parents' paths first), creates first, deletes last, and a create captures the `id` of its answer
//   (or its property named like the parameter) into the path parameter of the item path below it (POST /v1/widgets
//   captures {widget_id} of /v1/widgets/{widget_id}).
//   flow.json is for what the spec cannot say: unique order numbers, sandbox steps, an order that differs.
// - a future Unix time (a field a rule of the spec's x-pingpp-rules bounds with secondsAfterNow, e.g.
//   time_expire) gets a value computed when the request is sent, inside every bound of every rule on it;
// - the app id of the examples becomes {{app_id}}, in bodies and query parameters;
// - every request tests that it answered 2xx.
//
//   node postman-collection.cjs <spec.yaml> <flow.json> <output.json>
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..');
const nodeModules = path.join(repoRoot, 'node_modules');
const Converter = require(path.join(nodeModules, 'openapi-to-postmanv2'));
const YAML = require(path.join(nodeModules, 'yaml'));

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const CONVERTER_OPTIONS = {
  folderStrategy: 'Tags',
  parametersResolution: 'Example',
  enableOptionalParameters: false,
};
// The documents' test key (any sk_test_ key opens an account of its own in the sandbox).
const DEFAULT_API_KEY = 'sk_test_ibbTe5jLGCi5rzfH4OqPW9KC';
const SANDBOX_STEPS = {
  pay: {
    name: 'Sandbox: the customer pays the charge',
    method: 'POST',
    path: variable => ['sandbox', 'charges', `{{${variable}}}`, 'pay'],
    description: 'Sandbox only (POST /sandbox/charges/{id}/pay, not part of the Ping++ API): the customer pays the '
      + 'charge, as a test-mode payment page would. Skipped when baseUrl is the Ping++ server; there, pay the charge '
      + 'on the test-mode payment page of its credential instead.',
  },
  settle: {
    name: 'Sandbox: the paid charge is settled into a user\'s balance',
    method: 'POST',
    path: variable => ['sandbox', 'charges', `{{${variable}}}`, 'balance_settlement'],
    description: 'Sandbox only (POST /sandbox/charges/{id}/balance_settlement, not part of the Ping++ API): the paid '
      + 'charge is settled into a user\'s balance, as Ping++ settles a charge made with balance_settlement, so that '
      + 'there is a balance settlement to list and retrieve. Skipped when baseUrl is the Ping++ server.',
  },
  sign: {
    name: 'Sandbox: the user signs the agreement',
    method: 'POST',
    path: variable => ['sandbox', 'agreements', `{{${variable}}}`, 'sign'],
    description: 'Sandbox only (POST /sandbox/agreements/{id}/sign, not part of the Ping++ API): the user signs the '
      + 'agreement, as on the channel\'s signing page, so that it can be notified. Skipped when baseUrl is the Ping++ '
      + 'server; there, sign with the agreement\'s credential in the channel\'s app instead.',
  },
};

const HOW_TO_RUN = [
  '**Running this collection.** Set `baseUrl` (`http://127.0.0.1:8080` for the sandbox), `apiKey` (your `sk_test_` key,',
  'sent as the HTTP Basic user name) and `app_id`, then run it from top to bottom: each folder creates before it',
  'retrieves, lists, updates, refunds or deletes, and keeps the ids it gets in the collection variables the next',
  'requests use. `time_expire` is computed when a request is sent. The `Sandbox:` steps call the sandbox\'s own',
  'endpoints (the customer pays, the user signs) and skip themselves against the Ping++ server.',
].join('\n');

class BuildError extends Error {}

function fail(message) {
  throw new BuildError(message);
}

function convert(specText) {
  return new Promise((resolve, reject) => {
    Converter.convertV2({ type: 'string', data: specText }, CONVERTER_OPTIONS, (error, result) => {
      if (error) return reject(error);
      if (!result.result) return reject(new BuildError(`openapi-to-postmanv2 failed: ${result.reason}`));
      return resolve(result.output[0].data);
    });
  });
}

function resolveRef(spec, node) {
  let current = node;
  for (let hops = 0; current && current.$ref; hops++) {
    if (hops > 20 || !current.$ref.startsWith('#/')) fail(`cannot resolve ${current.$ref}`);
    current = current.$ref.slice(2).split('/').reduce((at, key) => (at ? at[key] : undefined), spec);
  }
  return current;
}

function operationsOf(spec) {
  const operations = new Map();
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) operations.set(operation.operationId, { template, method, operation });
    }
  }
  return operations;
}

/** Every future-time field of a request schema, with the offset from now that satisfies every rule on it. */
function futureTimes(spec, schema) {
  const bounds = new Map();
  for (const rule of schema['x-pingpp-rules'] || []) {
    for (const [field, constraint] of Object.entries(rule.then || {})) {
      const window = constraint.secondsAfterNow;
      if (!window) continue;
      const bound = bounds.get(field) || { minimum: 0, maximum: Number.MAX_SAFE_INTEGER };
      bound.minimum = Math.max(bound.minimum, window.minimum ?? 0);
      bound.maximum = Math.min(bound.maximum, window.maximum ?? Number.MAX_SAFE_INTEGER);
      bounds.set(field, bound);
    }
  }
  const offsets = new Map();
  for (const [field, { minimum, maximum }] of bounds) {
    if (minimum > maximum) fail(`${field}: the rules of the spec leave no valid time (${minimum} > ${maximum} s)`);
    // Halfway between the bounds, so that the time it takes to send the request does not matter.
    offsets.set(field, Math.floor((minimum + Math.min(maximum, minimum + 2 * 86400)) / 2));
  }
  return offsets;
}

function getPath(object, dotted) {
  return dotted.split('.').reduce((at, key) => (at === undefined || at === null ? undefined : at[key]), object);
}

function setPath(object, dotted, value) {
  const keys = dotted.split('.');
  const last = keys.pop();
  const parent = keys.reduce((at, key) => {
    if (at[key] === undefined) at[key] = {};
    return at[key];
  }, object);
  parent[last] = value;
}

/** Variables that stand for numbers are written unquoted into the raw JSON body. */
function numberPlaceholder(variable) {
  return `@@number:${variable}@@`;
}

function serializeBody(body) {
  return JSON.stringify(body, null, 2).replace(/"@@number:([\w$]+)@@"/g, '{{$1}}');
}

function replaceStrings(node, from, to) {
  if (Array.isArray(node)) return node.map(item => replaceStrings(item, from, to));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, replaceStrings(value, from, to)]));
  }
  return node === from ? to : node;
}

function testScript(lines) {
  return { listen: 'test', script: { type: 'text/javascript', exec: lines } };
}

function captureLines(capture) {
  const lines = [];
  for (const [variable, field] of Object.entries(capture || {})) {
    lines.push(`pm.test(${JSON.stringify(`answer has ${field}, kept as {{${variable}}}`)}, function () {`);
    lines.push(`    const value = ${JSON.stringify(field)}.split(".").reduce((at, key) => (at == null ? undefined : at[key]), pm.response.json());`);
    lines.push('    pm.expect(value, ' + JSON.stringify(field) + ').to.be.a("string").and.not.empty;');
    lines.push(`    pm.collectionVariables.set(${JSON.stringify(variable)}, value);`);
    lines.push('});');
  }
  return lines;
}

function answers2xx() {
  return ['pm.test("answers 2xx", function () {', '    pm.response.to.be.success;', '});'];
}

class CollectionBuilder {
  constructor(spec, flow, converted) {
    this.spec = spec;
    this.flow = flow;
    this.converted = converted;
    this.operations = operationsOf(spec);
    this.appId = resolveRef(spec, spec.components.parameters.AppId).schema.example;
    this.variables = new Map([['baseUrl', spec.servers[0].url], ['apiKey', DEFAULT_API_KEY], ['app_id', this.appId]]);
    this.timeOffsets = new Set();
    this.requestsBySummary = new Map();
    for (const folder of converted.item) {
      for (const item of folder.item || []) this.requestsBySummary.set(item.name, item);
    }
  }

  build() {
    const placed = new Set();
    const folders = this.flow.folders.map(folder => ({
      name: folder.tag,
      description: (this.spec.tags.find(tag => tag.name === folder.tag) || fail(`flow folder ${folder.tag} is no tag of the spec`)).description,
      item: folder.steps.map(step => {
        if (step.sandbox) return this.sandboxStep(step);
        const found = this.operations.get(step.operation) || fail(`flow step ${step.operation} is no operation of the spec`);
        if (!step.name) {
          if (placed.has(step.operation)) fail(`flow: ${step.operation} appears twice without a name of its own`);
          placed.add(step.operation);
        }
        if ((found.operation.tags || [])[0] !== folder.tag && !step.name) {
          fail(`flow: ${step.operation} belongs in folder ${found.operation.tags[0]}, not ${folder.tag}`);
        }
        return this.operationStep(step, found);
      }),
    }));
    const missing = [...this.operations.keys()].filter(operationId => !placed.has(operationId));
    for (const [tag, steps] of this.derivedSteps(missing)) {
      let folder = folders.find(each => each.name === tag);
      if (!folder) {
        const specTag = this.spec.tags.find(each => each.name === tag) || fail(`${steps[0].operation}: tag ${tag} is no tag of the spec`);
        folder = { name: tag, description: specTag.description, item: [] };
        folders.push(folder);
      }
      folder.item.push(...steps.map(step => this.operationStep(step, this.operations.get(step.operation))));
    }

    const collection = this.converted;
    collection.item = folders;
    collection.auth = { type: 'basic', basic: [{ key: 'username', value: '{{apiKey}}', type: 'string' }] };
    collection.variable = [...this.variables].map(([key, value]) => ({ key, value: String(value ?? ''), type: 'string' }));
    collection.event = [{
      listen: 'prerequest',
      script: {
        type: 'text/javascript',
        exec: [
          '// Future Unix times (time_expire), computed when each request is sent.',
          'const now = Math.floor(Date.now() / 1000);',
          ...[...this.timeOffsets].sort((a, b) => a - b)
            .map(offset => `pm.variables.set("now_plus_${offset}s", now + ${offset});`),
        ],
      },
    }];
    const specDescription = collection.info.description?.content ?? collection.info.description ?? '';
    collection.info.description = `${HOW_TO_RUN}\n\n${specDescription}`;
    return collection;
  }

  /**
   * Steps for the operations flow.json leaves out, by tag: each in the folder of its tag, creates first, then
   * retrieves, lists, updates, other actions, deletes; tags whose paths have fewer parameters (the parents) first.
   */
  derivedSteps(operationIds) {
    const rank = ({ template, method }) => {
      const itemBelow = Object.keys(this.spec.paths).some(other => other.startsWith(`${template}/{`) && !other.slice(template.length + 2).includes('/'));
      if (method === 'post' && itemBelow) return 0;
      if (method === 'get') return template.endsWith('}') ? 1 : 2;
      if (method === 'put' || method === 'patch') return 3;
      return method === 'delete' ? 5 : 4;
    };
    const depth = template => (template.match(/\{/g) || []).length;
    const byTag = new Map();
    for (const operationId of operationIds) {
      const found = this.operations.get(operationId);
      const tag = (found.operation.tags || [])[0] || fail(`${operationId} has no tag`);
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push({ operationId, ...found });
    }
    const tags = [...byTag.keys()].sort((a, b) => Math.min(...byTag.get(a).map(each => depth(each.template)))
      - Math.min(...byTag.get(b).map(each => depth(each.template))));
    return tags.map(tag => [tag, byTag.get(tag)
      .sort((a, b) => rank(a) - rank(b))
      .map(({ operationId, template, method }) => {
        const step = { operation: operationId };
        if (rank({ template, method }) === 0) {
          const item = Object.keys(this.spec.paths).find(other => other.startsWith(`${template}/{`) && !other.slice(template.length + 2).includes('/'));
          const parameter = item.slice(template.length + 2, -1);
          step.capture = { [parameter]: this.answerProperties(this.operations.get(operationId).operation).includes(parameter) ? parameter : 'id' };
        }
        return step;
      })]);
  }

  /** The top-level properties of an operation's 200 JSON answer (its path key, such as `channel`, or else `id`). */
  answerProperties(operation) {
    const answer = resolveRef(this.spec, (operation.responses || {})['200']);
    const schema = answer && answer.content && answer.content['application/json']
      ? resolveRef(this.spec, answer.content['application/json'].schema) : undefined;
    return Object.keys((schema && schema.properties) || {});
  }

  operationStep(step, { template, operation }) {
    const original = this.requestsBySummary.get(operation.summary)
      || fail(`openapi-to-postmanv2 made no request named "${operation.summary}" (${step.operation})`);
    const item = JSON.parse(JSON.stringify(original));
    if (step.name) item.name = step.name;
    const request = item.request;

    const bindings = step.path || {};
    for (const variable of request.url.variable || []) {
      const bound = bindings[variable.key] || variable.key;
      if (!this.variables.has(bound)) this.variables.set(bound, this.pathExample(operation, variable.key));
      variable.value = `{{${bound}}}`;
    }
    for (const query of request.url.query || []) {
      if (query.value === this.appId) query.value = '{{app_id}}';
    }
    if (request.body && request.body.mode === 'raw' && request.body.raw) {
      request.body.raw = this.body(step, operation, request.body.raw);
    }
    for (const variable of Object.keys(step.capture || {})) {
      if (!this.variables.has(variable)) this.variables.set(variable, '');
    }
    item.event = [testScript([...answers2xx(), ...captureLines(step.capture)])];
    if (template.includes('{app_id}') && !(request.url.variable || []).some(variable => variable.key === 'app_id')) {
      fail(`${step.operation}: no path variable app_id`);
    }
    return item;
  }

  body(step, operation, raw) {
    let body = replaceStrings(JSON.parse(raw), this.appId, '{{app_id}}');
    const schema = resolveRef(this.spec, resolveRef(this.spec, operation.requestBody).content['application/json'].schema);
    for (const [field, offset] of futureTimes(this.spec, schema)) {
      if (getPath(body, field) === undefined) continue;
      this.timeOffsets.add(offset);
      setPath(body, field, numberPlaceholder(`now_plus_${offset}s`));
    }
    for (const [field, value] of Object.entries(step.body || {})) {
      if (getPath(body, field) === undefined) fail(`${step.operation}: the example has no field ${field} to set`);
      setPath(body, field, value);
    }
    return serializeBody(body);
  }

  pathExample(operation, name) {
    const parameter = (operation.parameters || []).map(each => resolveRef(this.spec, each)).find(each => each.name === name);
    return parameter && parameter.schema ? parameter.schema.example ?? '' : '';
  }

  sandboxStep(step) {
    const kind = SANDBOX_STEPS[step.sandbox] || fail(`flow: unknown sandbox step ${step.sandbox}`);
    if (!this.variables.has(step.object)) fail(`flow: sandbox step ${step.sandbox} uses {{${step.object}}} before any step captures it`);
    for (const variable of Object.keys(step.capture || {})) {
      if (!this.variables.has(variable)) this.variables.set(variable, '');
    }
    const segments = kind.path(step.object);
    return {
      name: kind.name,
      request: {
        method: kind.method,
        description: kind.description,
        url: { raw: `{{baseUrl}}/${segments.join('/')}`, host: ['{{baseUrl}}'], path: segments },
      },
      event: [
        {
          listen: 'prerequest',
          script: {
            type: 'text/javascript',
            exec: [
              `if (pm.variables.replaceIn("{{baseUrl}}") === ${JSON.stringify(this.spec.servers[0].url)}) {`,
              '    pm.execution.skipRequest();',
              '}',
            ],
          },
        },
        testScript([...answers2xx(), ...captureLines(step.capture)]),
      ],
    };
  }
}

async function main() {
  const [specFile, flowFile, output] = process.argv.slice(2);
  if (!specFile || !flowFile || !output) {
    console.error('usage: postman-collection.cjs <spec.yaml> <flow.json> <output.json>');
    process.exit(2);
  }
  const specText = fs.readFileSync(specFile, 'utf8');
  const spec = YAML.parse(specText, { maxAliasCount: -1 });
  const flow = JSON.parse(fs.readFileSync(flowFile, 'utf8'));
  const collection = new CollectionBuilder(spec, flow, await convert(specText)).build();
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, `${JSON.stringify(collection, null, 2)}\n`);
  console.log(`[postman-collection] wrote ${path.relative(repoRoot, output)}`);
}

main().catch(error => {
  console.error(`[postman-collection] ERROR: ${error instanceof BuildError ? error.message : error.stack || error}`);
  process.exit(1);
});
