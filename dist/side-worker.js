import { createRequire as __kmsReviewCreateRequire } from 'node:module';
const require = __kmsReviewCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar3(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap4;
    exports.isNode = isNode;
    exports.isPair = isPair3;
    exports.isScalar = isScalar3;
    exports.isSeq = isSeq3;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i2 = 0; i2 < node.items.length; ++i2) {
            const ci = visit_(i2, node.items[i2], visitor, path);
            if (typeof ci === "number")
              i2 = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i2, 1);
              i2 -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i2 = 0; i2 < node.items.length; ++i2) {
            const ci = await visitAsync_(i2, node.items[i2], visitor, path);
            if (typeof ci === "number")
              i2 = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i2, 1);
              i2 -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts2 = line.trim().split(/[ \t]+/);
        const name2 = parts2.shift();
        switch (name2) {
          case "%TAG": {
            if (parts2.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts2.length < 2)
                return false;
            }
            const [handle2, prefix] = parts2;
            this.tags[handle2] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts2.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts2;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name2}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle2, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle2];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle2 === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle2, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle2 + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines2 = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle2, prefix] of tagEntries) {
          if (handle2 === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines2.push(`%TAG ${handle2} ${prefix}`);
        }
        return lines2.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i2 = 1; true; ++i2) {
        const name2 = `${prefix}${i2}`;
        if (!exclude.has(name2))
          return name2;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i2 = 0, len = val.length; i2 < len; ++i2) {
            const v0 = val[i2];
            const v1 = applyReviver(reviver, val, String(i2), v0);
            if (v1 === void 0)
              delete val[i2];
            else if (v1 !== v0)
              val[i2] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i2) => toJS(v, String(i2), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node2 = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node2.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node2 = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node2.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node2 = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i2 = path.length - 1; i2 >= 0; --i2) {
        const k = path[i2];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node2.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str2) => str2.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str2, indent, comment) => str2.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str2.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split2 = void 0;
      let prev = void 0;
      let overflow = false;
      let i2 = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i2 = consumeMoreIndentedLines(text, i2, indent.length);
        if (i2 !== -1)
          end = i2 + endStep;
      }
      for (let ch; ch = text[i2 += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i2;
          switch (text[i2 + 1]) {
            case "x":
              i2 += 3;
              break;
            case "u":
              i2 += 5;
              break;
            case "U":
              i2 += 9;
              break;
            default:
              i2 += 1;
          }
          escEnd = i2;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i2 = consumeMoreIndentedLines(text, i2, indent.length);
          end = i2 + indent.length + endStep;
          split2 = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i2 + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split2 = i2;
          }
          if (i2 >= end) {
            if (split2) {
              folds.push(split2);
              end = split2 + endStep;
              split2 = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i2 += 1];
                overflow = true;
              }
              const j = i2 > escEnd + 1 ? i2 - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split2 = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i3 = 0; i3 < folds.length; ++i3) {
        const fold = folds[i3];
        const end2 = folds[i3 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i2, indent) {
      let end = i2;
      let start2 = i2 + 1;
      let ch = text[start2];
      while (ch === " " || ch === "	") {
        if (i2 < start2 + indent) {
          ch = text[++i2];
        } else {
          do {
            ch = text[++i2];
          } while (ch && ch !== "\n");
          end = i2;
          start2 = i2 + 1;
          ch = text[start2];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str2) => /^(%|---|\.\.\.)/m.test(str2);
    function lineLengthOverLimit(str2, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str2.length;
      if (strLen <= limit)
        return false;
      for (let i2 = 0, start2 = 0; i2 < strLen; ++i2) {
        if (str2[i2] === "\n") {
          if (i2 - start2 > limit)
            return true;
          start2 = i2 + 1;
          if (strLen - start2 <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str2 = "";
      let start2 = 0;
      for (let i2 = 0, ch = json[i2]; ch; ch = json[++i2]) {
        if (ch === " " && json[i2 + 1] === "\\" && json[i2 + 2] === "n") {
          str2 += json.slice(start2, i2) + "\\ ";
          i2 += 1;
          start2 = i2;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i2 + 1]) {
            case "u":
              {
                str2 += json.slice(start2, i2);
                const code = json.substr(i2 + 2, 4);
                switch (code) {
                  case "0000":
                    str2 += "\\0";
                    break;
                  case "0007":
                    str2 += "\\a";
                    break;
                  case "000b":
                    str2 += "\\v";
                    break;
                  case "001b":
                    str2 += "\\e";
                    break;
                  case "0085":
                    str2 += "\\N";
                    break;
                  case "00a0":
                    str2 += "\\_";
                    break;
                  case "2028":
                    str2 += "\\L";
                    break;
                  case "2029":
                    str2 += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str2 += "\\x" + code.substr(2);
                    else
                      str2 += json.substr(i2, 6);
                }
                i2 += 5;
                start2 = i2 + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i2 + 2] === '"' || json.length < minMultiLineLength) {
                i2 += 1;
              } else {
                str2 += json.slice(start2, i2) + "\n\n";
                while (json[i2 + 2] === "\\" && json[i2 + 3] === "n" && json[i2 + 4] !== '"') {
                  str2 += "\n";
                  i2 += 2;
                }
                str2 += indent;
                if (json[i2 + 2] === " ")
                  str2 += "\\";
                i2 += 1;
                start2 = i2 + 1;
              }
              break;
            default:
              i2 += 1;
          }
      }
      str2 = start2 ? str2 + json.slice(start2) : json;
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start2 = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start2) {
        value = value.substring(start2.length);
        start2 = start2.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body2 = foldFlowLines.foldFlowLines(`${start2}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body2}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start2}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str2 = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str2);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name2 = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name2} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str2 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str2;
      return identity.isScalar(node) || str2[0] === "{" || str2[0] === "[" ? `${props} ${str2}` : `${props}
${ctx.indent}${str2}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str2 = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str2.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str2 === "" ? "?" : explicitKey ? `? ${str2}` : str2;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str2 = `? ${str2}`;
        if (keyComment && !keyCommentDone) {
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str2;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        str2 = `? ${str2}
${indent}:`;
      } else {
        str2 = `${str2}:`;
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str2.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str2 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str2;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge2 = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge2.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge2.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge2.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge2;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge2 = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge2.isMergeKey(ctx, key))
        merge2.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair2 = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair2, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines2 = [];
      for (let i2 = 0; i2 < items.length; ++i2) {
        const item = items[i2];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines2.push("");
          addCommentBefore(ctx, lines2, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines2.push("");
            addCommentBefore(ctx, lines2, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str3 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str3 += stringifyComment.lineComment(str3, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines2.push(blockItemPrefix + str3);
      }
      let str2;
      if (lines2.length === 0) {
        str2 = flowChars.start + flowChars.end;
      } else {
        str2 = lines2[0];
        for (let i2 = 1; i2 < lines2.length; ++i2) {
          const line = lines2[i2];
          str2 += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str2 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str2;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines2 = [];
      for (let i2 = 0; i2 < items.length; ++i2) {
        const item = items[i2];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines2.push("");
          addCommentBefore(ctx, lines2, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines2.push("");
            addCommentBefore(ctx, lines2, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str2 = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines2.length > linesAtValue || str2.includes("\n"));
        if (i2 < items.length - 1) {
          str2 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines2.reduce((sum, line) => sum + line.length + 2, 2) + (str2.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str2 += ",";
          }
        }
        if (comment)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment));
        lines2.push(str2);
        linesAtValue = lines2.length;
      }
      const { start: start2, end } = flowChars;
      if (lines2.length === 0) {
        return start2 + end;
      } else {
        if (!reqNewline) {
          const len = lines2.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str2 = start2;
          for (const line of lines2)
            str2 += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str2}
${indent}${end}`;
        } else {
          return `${start2}${fcPadding}${lines2.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines2, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines2.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair2, overwrite) {
        let _pair;
        if (identity.isPair(pair2))
          _pair = pair2;
        else if (!pair2 || typeof pair2 !== "object" || !("key" in pair2)) {
          _pair = new Pair.Pair(pair2, pair2?.value);
        } else
          _pair = new Pair.Pair(pair2.key, pair2.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i2 = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i2 === -1)
            this.items.push(_pair);
          else
            this.items.splice(i2, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i2 = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i2++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i2 = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i2++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str2) => str2,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str2) => new Scalar.Scalar(str2[0] === "t" || str2[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format: format2, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format2 && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i2 = n.indexOf(".");
        if (i2 < 0) {
          i2 = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i2 - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2));
        const dot = str2.indexOf(".");
        if (dot !== -1 && str2[str2.length - 1] === "0")
          node.minFractionDigits = str2.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str2, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str2) => str2,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str2) => str2 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str2, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str2) => parseFloat(str2),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str2, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str2)}`);
        return str2;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary2 = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str2 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str2.length);
          for (let i2 = 0; i2 < str2.length; ++i2)
            buffer[i2] = str2.charCodeAt(i2);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str2;
        if (typeof node_buffer.Buffer === "function") {
          str2 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i2 = 0; i2 < buf.length; ++i2)
            s += String.fromCharCode(buf[i2]);
          str2 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str2.length / lineWidth);
          const lines2 = new Array(n);
          for (let i2 = 0, o = 0; i2 < n; ++i2, o += lineWidth) {
            lines2[i2] = str2.substr(o, lineWidth);
          }
          str2 = lines2.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str2 }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary2;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i2 = 0; i2 < seq.items.length; ++i2) {
          let item = seq.items[i2];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair2 = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair2.key.commentBefore = pair2.key.commentBefore ? `${item.commentBefore}
${pair2.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair2.value ?? pair2.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair2;
          }
          seq.items[i2] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i2 = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i2++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair2 of this.items) {
          let key, value;
          if (identity.isPair(pair2)) {
            key = toJS.toJS(pair2.key, "", ctx);
            value = toJS.toJS(pair2.value, key, ctx);
          } else {
            key = toJS.toJS(pair2, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2.replace(/_/g, "")));
        const dot = str2.indexOf(".");
        if (dot !== -1) {
          const f = str2.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str2, offset, radix, { intAsBigInt }) {
      const sign = str2[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str2 = str2.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str2 = `0b${str2}`;
            break;
          case 8:
            str2 = `0o${str2}`;
            break;
          case 16:
            str2 = `0x${str2}`;
            break;
        }
        const n2 = BigInt(str2);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str2, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str2 = value.toString(radix);
        return value < 0 ? "-" + prefix + str2.substr(1) : prefix + str2;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair2;
        if (identity.isPair(key))
          pair2 = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair2 = new Pair.Pair(key.key, null);
        else
          pair2 = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair2.key);
        if (!prev)
          this.items.push(pair2);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair2 = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair2) ? identity.isScalar(pair2.key) ? pair2.key.value : pair2.key : pair2;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str2, asBigInt) {
      const sign = str2[0];
      const parts2 = sign === "-" || sign === "+" ? str2.substring(1) : str2;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts2.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts2 = [value % _60];
      if (value < 60) {
        parts2.unshift(0);
      } else {
        value = (value - parts2[0]) / _60;
        parts2.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts2[0]) / _60;
          parts2.unshift(value);
        }
      }
      return sign + parts2.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str2, _onError, { intAsBigInt }) => parseSexagesimal(str2, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str2) => parseSexagesimal(str2, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str2) {
        const match = str2.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary2 = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge2 = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary2.binary,
      merge2.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary2 = require_binary();
    var merge2 = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary2.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge2.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary2.binary,
      "tag:yaml.org,2002:merge": merge2.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge2.merge) ? schemaTags.concat(merge2.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge2.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge: merge2, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge2);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines2 = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines2.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines2.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines2.length !== 1)
          lines2.unshift("");
        const cs = commentString(doc.commentBefore);
        lines2.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines2.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines2.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body2 = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body2 += stringifyComment.lineComment(body2, "", commentString(contentComment));
        if ((body2[0] === "|" || body2[0] === ">") && lines2[lines2.length - 1] === "---") {
          lines2[lines2.length - 1] = `--- ${body2}`;
        } else
          lines2.push(body2);
      } else {
        lines2.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines2.push("...");
            lines2.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines2.push(`... ${cs}`);
          }
        } else {
          lines2.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines2[lines2.length - 1] !== "")
            lines2.push("");
          lines2.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines2.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name2) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name2 || prev.has(name2) ? anchors.findNewAnchor(name2 || "a", prev) : name2;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name2, pos, code, message) {
        super();
        this.name = name2;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "…" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "…";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "…\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start2 = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start2 ?? (start2 = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start2 ?? (start2 = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start2 ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair2) => isEqual(pair2.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start: start2, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start2, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start2[start2.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start2, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair2 = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair2.srcToken = collItem;
          map.items.push(pair2);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair2 = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair2.srcToken = collItem;
          map.items.push(pair2);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start: start2, value } of bs.items) {
        const props = resolveProps.resolveProps(start2, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start2, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap4 = fc.start.source === "{";
      const fcName = isMap4 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap4 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i2 = 0; i2 < fc.items.length; ++i2) {
        const collItem = fc.items[i2];
        const { start: start2, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start2, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i2 === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i2 < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap4 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i2 === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start2) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap4 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start2, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap4 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair2 = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair2.srcToken = collItem;
          if (isMap4) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair2);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair2);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap4 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name2 = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name2} must end with a ${expectedEnd}` : `${name2} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start2 = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start2, start2, start2] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines2 = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines2.length;
      for (let i2 = lines2.length - 1; i2 >= 0; --i2) {
        const content = lines2[i2][1];
        if (content === "" || content === "\r")
          chompStart = i2;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines2.length > 0 ? "\n".repeat(Math.max(1, lines2.length - 1)) : "";
        let end2 = start2 + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start2, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i2 = 0; i2 < chompStart; ++i2) {
        const [indent, content] = lines2[i2];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i2;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i2 = lines2.length - 1; i2 >= chompStart; --i2) {
        if (lines2[i2][0].length > trimIndent)
          chompStart = i2 + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i2 = 0; i2 < contentStart; ++i2)
        value += lines2[i2][0].slice(trimIndent) + "\n";
      for (let i2 = contentStart; i2 < chompStart; ++i2) {
        let [indent, content] = lines2[i2];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i2 = chompStart; i2 < lines2.length; ++i2)
            value += "\n" + lines2[i2][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start2 + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start2, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i2 = 1; i2 < source.length; ++i2) {
        const ch = source[i2];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i2;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i2 = 1; i2 < props.length; ++i2) {
        const token = props[i2];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split2 = source.split(/\n( *)/);
      const first = split2[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines2 = [line0];
      for (let i2 = 1; i2 < split2.length; i2 += 2)
        lines2.push([split2[i2], split2[i2 + 1]]);
      return lines2;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i2 = 1; i2 < source.length - 1; ++i2) {
        const ch = source[i2];
        if (ch === "\r" && source[i2 + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i2);
          res += fold;
          i2 = offset;
        } else if (ch === "\\") {
          let next = source[++i2];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i2 + 1];
            while (next === " " || next === "	")
              next = source[++i2 + 1];
          } else if (next === "\r" && source[i2 + 1] === "\n") {
            next = source[++i2 + 1];
            while (next === " " || next === "	")
              next = source[++i2 + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i2 + 1, length, onError);
            i2 += length;
          } else {
            const raw = source.substr(i2 - 1, 2);
            onError(i2 - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i2;
          let next = source[i2 + 1];
          while (next === " " || next === "	")
            next = source[++i2 + 1];
          if (next !== "\n" && !(next === "\r" && source[i2 + 2] === "\n"))
            res += i2 > wsStart ? source.slice(wsStart, i2 + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "",
      // Unicode next line
      _: " ",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i2 = pos - 1; i2 >= 0; --i2) {
          let st = before[i2];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i2];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i2];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start: start2, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start2, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start2, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors2 = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i2 = 0; i2 < prelude.length; ++i2) {
        const source = prelude[i2];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i2 + 1]?.[0] !== "#")
              i2 += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer3 = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors2.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors2.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i2 = 0; i2 < this.errors.length; ++i2)
            doc.errors.push(this.errors[i2]);
          for (let i2 = 0; i2 < this.warnings.length; ++i2)
            doc.warnings.push(this.warnings[i2]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors2.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors2.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors2.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer3;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors2 = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors2.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body2 = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body2 };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body2 = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body2;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body2 });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start: start2, key, sep, value }) {
      let res = "";
      for (const st of start2)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i2 = 0; i2 < token.items.length; ++i2) {
            const ci = _visit(Object.freeze(path.concat([[field, i2]])), token.items[i2], visitor);
            if (typeof ci === "number")
              i2 = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i2, 1);
              i2 -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar3 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar3;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer2 = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i2 = this.pos;
        let ch = this.buffer[i2];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i2];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i2 + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i2 = this.pos;
        while (true) {
          const ch = this.buffer[++i2];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i3 = this.pos; ch = this.buffer[i3]; ++i3) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i3;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i3 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i2 = nl + 1;
        ch = this.buffer[i2];
        while (ch === " ")
          ch = this.buffer[++i2];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i2];
          nl = i2 - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i3 = nl - 1;
            let ch2 = this.buffer[i3];
            if (ch2 === "\r")
              ch2 = this.buffer[--i3];
            const lastChar = i3;
            while (ch2 === " ")
              ch2 = this.buffer[--i3];
            if (ch2 === "\n" && i3 >= this.pos && i3 + 1 + indent > lastChar)
              nl = i3;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i2 = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i2]) {
          if (ch === ":") {
            const next = this.buffer[i2 + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i2;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i2 + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i2 += 1;
                ch = "\n";
                next = this.buffer[i2 + 1];
              } else
                end = i2;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i2 + 1);
              if (cs === -1)
                break;
              i2 = Math.max(i2, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i2;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i2, allowEmpty) {
        const s = this.buffer.slice(this.pos, i2);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i2 = this.pos + 2;
          let ch = this.buffer[i2];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i2];
          return yield* this.pushToIndex(ch === ">" ? i2 + 1 : i2, false);
        } else {
          let i2 = this.pos + 1;
          let ch = this.buffer[i2];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i2];
            else if (ch === "%" && hexDigits.has(this.buffer[i2 + 1]) && hexDigits.has(this.buffer[i2 + 2])) {
              ch = this.buffer[i2 += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i2, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i2 = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i2];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i2 - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i2;
        }
        return n;
      }
      *pushUntil(test) {
        let i2 = this.pos;
        let ch = this.buffer[i2];
        while (!test(ch))
          ch = this.buffer[++i2];
        return yield* this.pushToIndex(i2, false);
      }
    };
    exports.Lexer = Lexer2;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter4 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start2 = this.lineStarts[low - 1];
          return { line: low, col: offset - start2 + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter4;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list2, type) {
      for (let i2 = 0; i2 < list2.length; ++i2)
        if (list2[i2].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list2) {
      for (let i2 = 0; i2 < list2.length; ++i2) {
        switch (list2[i2].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i2;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i2 = prev.length;
      loop: while (--i2 >= 0) {
        switch (prev[i2].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i2]?.type === "space") {
      }
      return prev.splice(i2, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i2 = 0; i2 < source.length; ++i2)
          target.push(source[i2]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser4 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start2 = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start: start2, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start2 = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i2 = 0; i2 < it.sep.length; ++i2) {
              const st = it.sep[i2];
              switch (st.type) {
                case "newline":
                  nl.push(i2);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start2 = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start2.push(this.sourceToken);
                map.items.push({ start: start2 });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start2.push(this.sourceToken);
                map.items.push({ start: start2, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start3 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start3, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start3 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start3, key, sep }]
                  });
                } else if (start2.length > 0) {
                  it.sep = it.sep.concat(start2, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start: start2, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs2 = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start: start2, key: fs2, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs2);
              } else {
                Object.assign(it, { key: fs2, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start: start2 });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs2 = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs2, sep: [] });
              else if (it.sep)
                this.stack.push(fs2);
              else
                Object.assign(it, { key: fs2, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start2 = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start: start2, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start2 = getFirstKeyStartProps(prev);
            start2.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: start2, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start2 = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: start2, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start2, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start2.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser4;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors2 = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser2 = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser2.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors2.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors2.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser2.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors2.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors2.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors2.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse3(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse3;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors2 = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser2 = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors2.YAMLError;
    exports.YAMLParseError = errors2.YAMLParseError;
    exports.YAMLWarning = errors2.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser2.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module2) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR2 = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR: STAR2,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module2.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str2) => REGEX_SPECIAL_CHARS.test(str2);
    exports.isRegexChar = (str2) => str2.length === 1 && exports.hasRegexChars(str2);
    exports.escapeRegex = (str2) => str2.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str2) => str2.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str2) => {
      return str2.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path, { windows } = {}) => {
      const segs = path.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module2) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts2 = [];
      let str2 = input;
      let index = -1;
      let start2 = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str2.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str2.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start2 + 1) {
            start2 += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start2) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start2) {
          negated = token.negated = true;
          start2++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str2;
      let prefix = "";
      let glob = "";
      if (start2 > 0) {
        prefix = str2.slice(0, start2);
        str2 = str2.slice(start2);
        lastIndex -= start2;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str2.slice(0, lastIndex);
        glob = str2.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str2;
      } else {
        base = str2;
      }
      if (base && base !== "" && base !== "/" && base !== str2) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start: start2,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start2;
          const i2 = slashes[idx];
          const value2 = input.slice(n2, i2);
          if (opts.tokens) {
            if (idx === 0 && start2 !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i2 >= start2) {
            parts2.push(value2);
            prevIndex = i2;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start2;
        const value = input.slice(n);
        parts2.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts2;
      }
      return state;
    };
    module2.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module2) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args2, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args2, options);
      }
      args2.sort();
      const value = `[${args2.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args2.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts2 = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts2.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts2.push(value);
      return parts2;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i2 = 0; i2 < values.length; i2++) {
        for (let j = i2 + 1; j < values.length; j++) {
          const a = values[i2];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i2 = 1; i2 < pattern.length; i2++) {
        const ch = pattern[i2];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i2 !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i2),
              end: i2
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body2, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body2).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse3 = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR: STAR2,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR2;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push2 = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push2({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push2({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body2 = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body2, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i2 = token.tokensIndex + 1; i2 < tokens.length; i2++) {
            tokens[i2].value = "";
            tokens[i2].output = "";
            delete tokens[i2].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push2({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse3(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push2({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push2({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push2({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push2({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push2({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push2({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push2({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push2({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push2({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push2(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push2({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i2 = arr.length - 1; i2 >= 0; i2--) {
              tokens.pop();
              if (arr[i2].type === "brace") {
                break;
              }
              if (arr[i2].type !== "dots") {
                range.unshift(arr[i2].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out2 = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out2;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push2({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push2({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push2({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push2({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push2({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push2({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push2({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push2({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push2({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push2({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push2({ type: "plus", value });
            continue;
          }
          push2({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push2({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push2({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push2({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push2({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push2({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push2({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push2({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push2(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push2(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push2(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push2({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse3.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR: STAR2,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR2;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str2) => {
        switch (str2) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str2);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module2.exports = parse3;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module2) {
    "use strict";
    var scan = require_scan();
    var parse3 = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str2) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str2);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format2 = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format2 ? format2(input) : input;
      if (match === false) {
        output = format2 ? format2(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch2.isMatch = (str2, patterns, options) => picomatch2(patterns, options)(str2);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse3(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse3.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse3(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err2) {
        if (options && options.debug === true) throw err2;
        return /$^/;
      }
    };
    picomatch2.constants = constants;
    module2.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module2) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module2.exports = picomatch2;
  }
});

// src/parse/side-worker.ts
import { parentPort } from "node:worker_threads";

// src/model/source.ts
var DEFAULT_LIMITS = {
  maxFileBytes: 4 * 1024 * 1024,
  maxDepth: 200,
  maxYamlAliases: 100,
  maxParseMillisPerFile: 5e3,
  maxEvalSteps: 1e6
};
function problem(message, location) {
  return { rule: "KMS000", message, location };
}
function fileLocation(file, startLine = 1, endLine = startLine) {
  return { file, startLine, endLine };
}

// src/parse/cloudformation/budget.ts
var BudgetExceeded = class extends Error {
};
var CLOCK_EVERY = 1024;
var Budget = class {
  constructor(maxSteps, maxMillis, now = Date.now) {
    this.maxSteps = maxSteps;
    this.now = now;
    this.deadline = now() + maxMillis;
  }
  maxSteps;
  now;
  steps = 0;
  deadline;
  /** Counts one unit of work; throws `BudgetExceeded` past the step or time limit. */
  tick() {
    this.steps += 1;
    if (this.steps > this.maxSteps) throw new BudgetExceeded(`more than ${this.maxSteps} evaluation steps`);
    if (this.steps % CLOCK_EVERY === 0 && this.now() > this.deadline) throw new BudgetExceeded("time limit per file exceeded");
  }
};

// src/parse/cloudformation/environment.ts
var ENVIRONMENT_SEGMENTS = /* @__PURE__ */ new Set(["prod", "production", "dev", "staging", "test", "qa", "sandbox"]);
function environmentOfPath(path) {
  const folders = path.split("/").slice(0, -1).reverse();
  const segment = folders.find((folder) => ENVIRONMENT_SEGMENTS.has(folder.toLowerCase()));
  return segment ? { value: segment.toLowerCase(), detail: `path ${segment}` } : void 0;
}

// src/parse/cloudformation/sub.ts
var PLACEHOLDER = /\$\{([^}]*)\}/g;
function splitSub(template) {
  const parts2 = [];
  let textStart = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const [whole, inner] = match;
    const at = match.index ?? 0;
    if (at > textStart) parts2.push({ kind: "text", text: template.slice(textStart, at) });
    parts2.push(inner.startsWith("!") ? { kind: "text", text: `\${${inner.slice(1)}}` } : { kind: "var", name: inner.trim() });
    textStart = at + whole.length;
  }
  if (textStart < template.length) parts2.push({ kind: "text", text: template.slice(textStart) });
  return parts2;
}

// src/parse/cloudformation/tree.ts
function isMap(node) {
  return node?.kind === "map";
}
function child(node, key) {
  return isMap(node) ? node.entries.get(key)?.value : void 0;
}
function childString(node, key) {
  const value = child(node, key);
  return value?.kind === "scalar" && typeof value.value === "string" ? value.value : void 0;
}
function entryLines(entry) {
  return { start: entry.keyLine, end: Math.max(entry.keyLine, entry.value.lines.end) };
}
function intrinsicCall(node) {
  if (node.kind !== "map" || node.entries.size !== 1) return void 0;
  const [entry] = node.entries.values();
  return entry.key === "Ref" || entry.key.startsWith("Fn::") ? { name: entry.key, arg: entry.value } : void 0;
}

// src/parse/cloudformation/tags.ts
var LONG_FORM_OF_TAG = {
  "!Ref": "Ref",
  "!Condition": "Condition",
  "!GetAtt": "Fn::GetAtt",
  "!Sub": "Fn::Sub",
  "!Join": "Fn::Join",
  "!Select": "Fn::Select",
  "!Split": "Fn::Split",
  "!If": "Fn::If",
  "!Equals": "Fn::Equals",
  "!And": "Fn::And",
  "!Or": "Fn::Or",
  "!Not": "Fn::Not",
  "!FindInMap": "Fn::FindInMap",
  "!ImportValue": "Fn::ImportValue",
  "!Base64": "Fn::Base64",
  "!Cidr": "Fn::Cidr",
  "!GetAZs": "Fn::GetAZs",
  "!Transform": "Fn::Transform"
};
var keepNode = (node) => node;
var INTRINSIC_TAGS = Object.keys(LONG_FORM_OF_TAG).flatMap((tag) => [
  { tag, resolve: (text) => text },
  { tag, collection: "seq", resolve: keepNode },
  { tag, collection: "map", resolve: keepNode }
]);
var SHORT_FORM_OF_KEY = Object.fromEntries(Object.entries(LONG_FORM_OF_TAG).map(([tag, key]) => [key, tag]));

// src/parse/cloudformation/values.ts
function isRef(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && value.$kind === "ref";
}
function isUnknown(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && value.$kind === "unknown";
}
function isOneOf(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && value.$kind === "oneOf";
}
function unknown(expr, reason, from = []) {
  const refs = refsIn(from);
  return refs.length > 0 ? { $kind: "unknown", expr, reason, refs } : { $kind: "unknown", expr, reason };
}
function refsIn(values) {
  const found = /* @__PURE__ */ new Map();
  const pending = [...values];
  for (let value = pending.pop(); value !== void 0; value = pending.pop()) {
    if (typeof value !== "object" || value === null) continue;
    if (Array.isArray(value)) pending.push(...value);
    else if (isRef(value)) found.set(`${value.unit}\0${value.address}\0${value.attr}`, value);
    else if (isUnknown(value)) pending.push(...value.refs ?? []);
    else if (isOneOf(value)) pending.push(...value.options);
    else pending.push(...Object.values(value));
  }
  return [...found.values()];
}
var MAX_ALTERNATIVES = 16;
function concat(parts2) {
  let combos = [""];
  const reasons = [];
  for (const part of parts2) {
    const options = isOneOf(part) ? part.options : [part];
    if (isOneOf(part)) reasons.push(part.reason);
    if (!options.every(isTextual) || combos.length * options.length > MAX_ALTERNATIVES) return void 0;
    combos = combos.flatMap((prefix) => options.map((option) => prefix + String(option)));
  }
  const distinct2 = [...new Set(combos)];
  return distinct2.length === 1 ? distinct2[0] : { $kind: "oneOf", options: distinct2, reason: reasons.join("; ") };
}
function isTextual(value) {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}
var EXPR_MAX = 160;
var SHOWN_ITEMS = 6;
var SHOWN_DEPTH = 4;
function describe(node) {
  return shorten(render(node, 0));
}
function partialText(parts2) {
  return shorten(parts2.map(partText).join(""));
}
function partText(part) {
  if (isTextual(part)) return String(part);
  if (isUnknown(part)) return part.expr.startsWith("${") ? part.expr : `\${${part.expr}}`;
  if (isRef(part)) return `\${${part.attr === "Ref" ? part.address : `${part.address}.${part.attr}`}}`;
  return "${…}";
}
function shorten(text) {
  return text.length > EXPR_MAX ? `${text.slice(0, EXPR_MAX - 1)}…` : text;
}
function render(node, depth) {
  if (depth > SHOWN_DEPTH) return "…";
  if (node.kind === "scalar") return node.value === "" ? "''" : String(node.value);
  if (node.kind === "seq")
    return `[${elide(
      node.items.slice(0, SHOWN_ITEMS).map((item) => render(item, depth + 1)),
      node.items.length
    )}]`;
  const entries = [...node.entries.values()];
  const [only] = entries;
  const short = entries.length === 1 ? SHORT_FORM_OF_KEY[only.key] : void 0;
  if (short) return `${short} ${render(only.value, depth + 1)}`;
  const shown = entries.slice(0, SHOWN_ITEMS).map((entry) => `${entry.key}: ${render(entry.value, depth + 1)}`);
  return `{${elide(shown, entries.length)}}`;
}
function elide(shown, total) {
  const head = shown.join(", ");
  return total > SHOWN_ITEMS ? `${head}, …` : head;
}
function setOwn(target, key, value) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

// src/parse/cloudformation/evaluate.ts
var NO_VALUE = /* @__PURE__ */ Symbol("AWS::NoValue");
var STATIC_PSEUDO_PARAMETERS = {
  "AWS::Partition": "aws",
  "AWS::URLSuffix": "amazonaws.com",
  "AWS::NoValue": NO_VALUE
};
var LIST_PARAMETER_TYPE = /^(?:CommaDelimitedList|List<.*>)$/;
var SSM_PARAMETER_TYPE = /^AWS::SSM::Parameter::Value</;
var INTRINSICS = {
  Ref: (arg, ev, node) => isString(arg) ? ev.ref(arg.value) : malformed(node, "Ref needs a name"),
  "Fn::GetAtt": getAtt,
  "Fn::Sub": sub,
  "Fn::Join": join,
  "Fn::Select": select,
  "Fn::Split": split,
  "Fn::If": ifBranches,
  "Fn::FindInMap": findInMap,
  "Fn::ImportValue": (arg, ev, node) => {
    const name2 = ev.value(arg);
    return typeof name2 === "string" ? ev.importValue(name2) : unknown(describe(node), "Fn::ImportValue of a name not known statically", [name2]);
  },
  "Fn::Base64": (arg, ev, node) => {
    const text = ev.value(arg);
    return typeof text === "string" ? Buffer.from(text, "utf8").toString("base64") : unknown(describe(node), "Fn::Base64 of a value not known statically", [text]);
  },
  "Fn::GetAZs": (_arg, _ev, node) => unknown(describe(node), "Fn::GetAZs depends on the deploy region")
};
var Evaluator = class {
  /**
   * @param pseudo overrides of pseudo parameters; export names are evaluated with a marker for
   *   `AWS::StackName` so `${AWS::StackName}-X` exports can be matched by suffix.
   */
  constructor(template, imports, budget, pseudo = {}) {
    this.template = template;
    this.imports = imports;
    this.budget = budget;
    this.pseudo = pseudo;
  }
  template;
  imports;
  budget;
  pseudo;
  evaluate(node) {
    this.budget.tick();
    const call = intrinsicCall(node);
    if (call) return (INTRINSICS[call.name] ?? notStatic)(call.arg, this, node);
    if (node.kind === "scalar") return node.value;
    if (node.kind === "seq") return node.items.map((item) => this.evaluate(item)).filter((item) => item !== NO_VALUE);
    const result = {};
    for (const entry of node.entries.values()) {
      if (entry.key === "$kind") continue;
      const value = this.evaluate(entry.value);
      if (value !== NO_VALUE) setOwn(result, entry.key, value);
    }
    return result;
  }
  /** Evaluates where a value is required: `AWS::NoValue` there is not a value. */
  value(node) {
    const value = this.evaluate(node);
    return value === NO_VALUE ? unknown(describe(node), "AWS::NoValue where a value is required") : value;
  }
  ref(name2) {
    if (Object.hasOwn(this.pseudo, name2)) return this.pseudo[name2];
    if (Object.hasOwn(STATIC_PSEUDO_PARAMETERS, name2)) return STATIC_PSEUDO_PARAMETERS[name2];
    if (name2.startsWith("AWS::")) return unknown(`\${${name2}}`, `pseudo parameter ${name2} is known only at deploy time`);
    if (this.template.resources.has(name2)) return { $kind: "ref", unit: this.template.path, address: name2, attr: "Ref" };
    const parameter = this.template.parameters.get(name2);
    if (parameter) return this.parameter(parameter);
    return unknown(`\${${name2}}`, `${name2} is neither a parameter nor a resource of the template`);
  }
  getAtt(resource, attribute) {
    if (this.template.resources.has(resource)) return { $kind: "ref", unit: this.template.path, address: resource, attr: attribute };
    return unknown(`\${${resource}.${attribute}}`, `${resource} is not a resource of the template`);
  }
  importValue(exportName) {
    return this.imports.resolve(exportName, this.template.path);
  }
  /** A literal section (parameter defaults, mappings): CloudFormation allows no intrinsics there. */
  literal(node) {
    this.budget.tick();
    if (node.kind === "scalar") return node.value;
    if (node.kind === "seq") return node.items.map((item) => this.literal(item));
    const result = {};
    for (const entry of node.entries.values()) setOwn(result, entry.key, this.literal(entry.value));
    return result;
  }
  parameter({ key: name2, value: declaration }) {
    const type = childString(declaration, "Type") ?? "String";
    const fallback = child(declaration, "Default");
    if (SSM_PARAMETER_TYPE.test(type)) {
      return unknown(`\${${name2}}`, `parameter ${name2} is read from SSM parameter ${fallback ? describe(fallback) : "(no default)"} at deploy time`);
    }
    if (fallback) {
      const value = this.literal(fallback);
      return LIST_PARAMETER_TYPE.test(type) && typeof value === "string" ? value.split(",").map((item) => item.trim()) : value;
    }
    const allowed = child(declaration, "AllowedValues");
    if (allowed?.kind === "seq" && allowed.items.length > 0) {
      return { $kind: "oneOf", options: allowed.items.map((item) => this.literal(item)), reason: `parameter ${name2} AllowedValues` };
    }
    return unknown(`\${${name2}}`, `parameter ${name2} has no default`);
  }
};
function notStatic(arg, ev, node) {
  const [name2] = isMap(node) ? node.entries.keys() : [];
  return unknown(describe(node), `${name2} is not evaluated statically`, [ev.value(arg)]);
}
function malformed(node, why) {
  return unknown(describe(node), `malformed intrinsic: ${why}`);
}
function isString(node) {
  return node?.kind === "scalar" && typeof node.value === "string";
}
function getAtt(arg, ev, node) {
  if (isString(arg)) {
    const dot = arg.value.indexOf(".");
    return dot > 0 ? ev.getAtt(arg.value.slice(0, dot), arg.value.slice(dot + 1)) : malformed(node, "Fn::GetAtt needs Resource.Attribute");
  }
  if (arg.kind !== "seq" || arg.items.length !== 2 || !isString(arg.items[0])) return malformed(node, "Fn::GetAtt needs [Resource, Attribute]");
  const attribute = ev.value(arg.items[1]);
  return typeof attribute === "string" ? ev.getAtt(arg.items[0].value, attribute) : unknown(describe(node), "Fn::GetAtt attribute not known statically");
}
function sub(arg, ev, node) {
  const [template, variables] = arg.kind === "seq" ? arg.items : [arg];
  if (!isString(template)) return malformed(node, "Fn::Sub needs a template string");
  const parts2 = splitSub(template.value);
  const values = parts2.map((part) => part.kind === "text" ? part.text : subVariable(part.name, variables, ev));
  if (parts2.length === 1 && parts2[0].kind === "var" && isRef(values[0])) return values[0];
  const joined = concat(values);
  if (joined !== void 0) return joined;
  const pending = parts2.flatMap((part, i2) => part.kind === "var" && !isTextual(values[i2]) ? [part.name] : []);
  return unknown(partialText(values), `Fn::Sub with values not known statically: ${pending.join(", ")}`, values);
}
function subVariable(name2, variables, ev) {
  const bound = isMap(variables) ? variables.entries.get(name2) : void 0;
  if (bound) return ev.value(bound.value);
  const dot = name2.indexOf(".");
  if (dot > 0 && !name2.startsWith("AWS::")) return ev.getAtt(name2.slice(0, dot), name2.slice(dot + 1));
  const value = ev.ref(name2);
  return value === NO_VALUE ? unknown(`\${${name2}}`, "AWS::NoValue inside Fn::Sub") : value;
}
function pair(arg, ev) {
  return arg.kind === "seq" && arg.items.length === 2 ? [ev.value(arg.items[0]), ev.value(arg.items[1])] : void 0;
}
function join(arg, ev, node) {
  const operands = pair(arg, ev);
  if (!operands) return malformed(node, "Fn::Join needs [delimiter, list]");
  const [delimiter, list2] = operands;
  if (typeof delimiter !== "string" || !Array.isArray(list2)) return unknown(describe(node), "Fn::Join over a list not known statically", [list2]);
  const parts2 = list2.flatMap((item, i2) => i2 === 0 ? [item] : [delimiter, item]);
  return concat(parts2) ?? unknown(partialText(parts2), "Fn::Join over values not known statically", list2);
}
function select(arg, ev, node) {
  const operands = pair(arg, ev);
  if (!operands) return malformed(node, "Fn::Select needs [index, list]");
  const [index, list2] = operands;
  const position = typeof index === "number" ? index : typeof index === "string" && /^\d+$/.test(index) ? Number(index) : void 0;
  if (position === void 0 || !Array.isArray(list2)) return unknown(describe(node), "Fn::Select over values not known statically", [list2]);
  return position < list2.length ? list2[position] : unknown(describe(node), `Fn::Select index ${position} is outside a list of ${list2.length}`);
}
function split(arg, ev, node) {
  const operands = pair(arg, ev);
  if (!operands) return malformed(node, "Fn::Split needs [delimiter, string]");
  const [delimiter, text] = operands;
  if (typeof delimiter !== "string" || delimiter === "" || typeof text !== "string")
    return unknown(describe(node), "Fn::Split of a value not known statically", [text]);
  return text.split(delimiter);
}
function ifBranches(arg, ev, node) {
  if (arg.kind !== "seq" || arg.items.length !== 3 || !isString(arg.items[0])) return malformed(node, "Fn::If needs [condition, then, else]");
  const options = arg.items.slice(1).map((branch) => {
    const value = ev.evaluate(branch);
    return value === NO_VALUE ? null : value;
  });
  return { $kind: "oneOf", options, reason: `Fn::If ${arg.items[0].value}` };
}
function findInMap(arg, ev, node) {
  if (arg.kind !== "seq" || arg.items.length < 3) return malformed(node, "Fn::FindInMap needs [map, key, key]");
  const [mapName, topKey, secondKey] = arg.items.slice(0, 3).map((item) => ev.value(item));
  const mapping = typeof mapName === "string" ? child(ev.template.mappings, mapName) : void 0;
  if (!isMap(mapping)) return unknown(describe(node), `Fn::FindInMap: no mapping ${describe(arg.items[0])}`);
  const tops = keyOptions(topKey);
  const seconds = keyOptions(secondKey);
  if (!tops || !seconds) return unknown(describe(node), `Fn::FindInMap ${mapName}: keys not known statically`, [topKey, secondKey]);
  const found = tops.flatMap(
    (top) => seconds.flatMap((second) => {
      const leaf = child(child(mapping, top), second);
      return leaf ? [ev.literal(leaf)] : [];
    })
  );
  if (found.length === 0) return unknown(describe(node), `Fn::FindInMap ${mapName}: no entry for ${tops.join("|")}.${seconds.join("|")}`);
  if (tops.length * seconds.length === 1) return found[0];
  const reasons = [topKey, secondKey].filter(isOneOf).map((key) => key.reason);
  return { $kind: "oneOf", options: found, reason: `Fn::FindInMap ${mapName} by ${reasons.join(", ")}` };
}
function keyOptions(key) {
  const options = isOneOf(key) ? key.options : [key];
  return options.every(isTextual) ? options.map(String) : void 0;
}

// src/parse/cloudformation/exports.ts
var STACK_NAME_MARK = "\0AWS::StackName\0";
var MAX_IMPORT_CHAIN = 16;
var ExportIndex = class {
  byName = /* @__PURE__ */ new Map();
  /** Exports named `${AWS::StackName}<suffix>`, by suffix. */
  bySuffix = /* @__PURE__ */ new Map();
  values = /* @__PURE__ */ new Map();
  inProgress = /* @__PURE__ */ new Set();
  /**
   * Registers the exports of one template (all or, when evaluating a name throws, none) and
   * returns how many names were registered.
   * @param nameEvaluator evaluates in the same template with `AWS::StackName` bound to `STACK_NAME_MARK`.
   */
  add(evaluator, nameEvaluator) {
    const { template } = evaluator;
    const named = [];
    for (const [output, entry] of template.outputs) {
      const nameNode = child(child(entry.value, "Export"), "Name");
      if (!nameNode) continue;
      const name2 = nameEvaluator.value(nameNode);
      const item = { template: template.path, output, value: child(entry.value, "Value"), evaluator };
      for (const option of isOneOf(name2) ? name2.options : [name2]) if (typeof option === "string") named.push([option, item]);
    }
    for (const [name2, item] of named) this.register(name2, item);
    return named.length;
  }
  resolve(exportName, importer) {
    const expr = `!ImportValue ${exportName}`;
    const exact = (this.byName.get(exportName) ?? []).filter((item) => item.template !== importer);
    if (exact.length === 1) return this.valueOf(exact[0], expr);
    if (exact.length > 1) {
      const options = exact.map((item) => this.valueOf(item, expr));
      return { $kind: "oneOf", options, reason: `Fn::ImportValue ${exportName} is exported by ${exact.map((item) => item.template).join(", ")}` };
    }
    const bySuffix = [...this.bySuffix].filter(([suffix]) => exportName.length > suffix.length && exportName.endsWith(suffix)).flatMap(([, items]) => items.filter((item) => item.template !== importer));
    if (bySuffix.length === 1) return this.valueOf(bySuffix[0], expr);
    if (bySuffix.length > 1) {
      const templates = bySuffix.map((item) => item.template).join(", ");
      return unknown(expr, `export ${exportName} may be any of the \${AWS::StackName} exports of ${templates}`);
    }
    return unknown(expr, `no template in the scanned set exports ${exportName}`);
  }
  register(name2, item) {
    const marks = name2.split(STACK_NAME_MARK).length - 1;
    if (marks === 0) push(this.byName, name2, item);
    else if (marks === 1 && name2.startsWith(STACK_NAME_MARK) && name2.length > STACK_NAME_MARK.length) {
      push(this.bySuffix, name2.slice(STACK_NAME_MARK.length), item);
    }
  }
  valueOf(item, expr) {
    const cached = this.values.get(item);
    if (cached !== void 0) return cached;
    if (this.inProgress.has(item) || this.inProgress.size >= MAX_IMPORT_CHAIN) {
      return unknown(expr, `export chain through ${item.template} Outputs.${item.output} is circular or too long`);
    }
    if (!item.value) return unknown(expr, `${item.template} Outputs.${item.output} has no Value`);
    this.inProgress.add(item);
    try {
      const value = item.evaluator.value(item.value);
      this.values.set(item, value);
      return value;
    } catch (failure) {
      if (!(failure instanceof BudgetExceeded)) throw failure;
      return unknown(expr, `${item.template} exceeded its evaluation budget`);
    } finally {
      this.inProgress.delete(item);
    }
  }
};
function push(map, key, value) {
  const list2 = map.get(key);
  if (list2) list2.push(value);
  else map.set(key, [value]);
}

// src/parse/cloudformation/load.ts
var import_yaml3 = __toESM(require_dist(), 1);

// src/parse/json-direct.ts
var import_yaml = __toESM(require_dist(), 1);
var NODES_PER_CLOCK_CHECK = 4096;
var NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
var ESCAPES = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "	" };
var GiveUp = class extends Error {
};
var OutOfTime = class extends Error {
};
function giveUp() {
  throw new GiveUp();
}
function readJson(text, deadline) {
  if (text.charCodeAt(0) === 65279 || /\r(?!\n)/.test(text)) return void 0;
  const reader = new JsonReader(text, deadline);
  try {
    reader.skip();
    const c = text.charCodeAt(reader.pos);
    if (c !== 123 && c !== 91) return void 0;
    const root = reader.value();
    reader.skip();
    return reader.pos === text.length ? root : void 0;
  } catch (thrown) {
    if (thrown instanceof GiveUp) return void 0;
    if (thrown instanceof OutOfTime) return "timeout";
    throw thrown;
  }
}
var JsonReader = class {
  constructor(text, deadline) {
    this.text = text;
    this.deadline = deadline;
  }
  text;
  deadline;
  pos = 0;
  nodes = 0;
  skip() {
    const text = this.text;
    for (; ; ) {
      const c = text.charCodeAt(this.pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.pos++;
      else return;
    }
  }
  value() {
    if (++this.nodes % NODES_PER_CLOCK_CHECK === 0 && Date.now() > this.deadline) throw new OutOfTime();
    const text = this.text;
    const start2 = this.pos;
    const c = text.charCodeAt(start2);
    if (c === 123) return this.map(start2);
    if (c === 91) return this.seq(start2);
    if (c === 34) {
      const value = this.string();
      return { kind: "scalar", start: start2, end: this.pos, value };
    }
    for (const [word, value] of LITERALS) {
      if (text.startsWith(word, start2)) {
        this.pos += word.length;
        return { kind: "scalar", start: start2, end: this.pos, value };
      }
    }
    NUMBER.lastIndex = start2;
    const number = NUMBER.exec(text);
    if (!number) giveUp();
    this.pos = NUMBER.lastIndex;
    return { kind: "scalar", start: start2, end: this.pos, value: Number(number[0]) };
  }
  map(start2) {
    const text = this.text;
    const entries = [];
    const seen = /* @__PURE__ */ new Set();
    this.pos++;
    this.skip();
    if (text.charCodeAt(this.pos) !== 125) {
      for (; ; ) {
        this.skip();
        const keyStart = this.pos;
        if (text.charCodeAt(keyStart) !== 34) giveUp();
        const key = this.string();
        if (key === "__proto__" || seen.has(key)) giveUp();
        seen.add(key);
        const keyEnd = this.pos;
        this.skip();
        if (text.charCodeAt(this.pos) !== 58) giveUp();
        this.pos++;
        this.skip();
        entries.push({ key, keyStart, keyEnd, value: this.value() });
        this.skip();
        const next = text.charCodeAt(this.pos);
        if (next === 125) break;
        if (next !== 44) giveUp();
        this.pos++;
      }
    }
    this.pos++;
    return { kind: "map", start: start2, end: this.pos, entries };
  }
  seq(start2) {
    const text = this.text;
    const items = [];
    this.pos++;
    this.skip();
    if (text.charCodeAt(this.pos) !== 93) {
      for (; ; ) {
        this.skip();
        items.push(this.value());
        this.skip();
        const next = text.charCodeAt(this.pos);
        if (next === 93) break;
        if (next !== 44) giveUp();
        this.pos++;
      }
    }
    this.pos++;
    return { kind: "seq", start: start2, end: this.pos, items };
  }
  /** A double-quoted string at `pos`; `pos` ends after its closing quote. */
  string() {
    const text = this.text;
    let at = this.pos + 1;
    let out2 = "";
    let from = at;
    for (; ; ) {
      const c = text.charCodeAt(at);
      if (c === 34) break;
      if (Number.isNaN(c) || c < 32) giveUp();
      if (c === 92) {
        out2 += text.slice(from, at);
        const e = text[at + 1];
        if (e === "u") {
          const hex = text.slice(at + 2, at + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex) || /^[dD][89a-fA-F]/.test(hex)) giveUp();
          out2 += String.fromCharCode(Number.parseInt(hex, 16));
          at += 6;
        } else {
          const escaped = e === void 0 ? void 0 : ESCAPES[e];
          if (escaped === void 0) giveUp();
          out2 += escaped;
          at += 2;
        }
        from = at;
        continue;
      }
      at++;
    }
    this.pos = at + 1;
    return out2 === "" ? text.slice(from, at) : out2 + text.slice(from, at);
  }
};
var LITERALS = [
  ["true", true],
  ["false", false],
  ["null", null]
];
function jsonValue(node) {
  if (node.kind === "scalar") return node.value;
  if (node.kind === "seq") return node.items.map(jsonValue);
  const object = {};
  for (const entry of node.entries) object[entry.key] = jsonValue(entry.value);
  return object;
}
function jsonLineCounter(text) {
  const lines2 = new import_yaml.LineCounter();
  lines2.addNewLine(0);
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) lines2.addNewLine(at + 1);
  return lines2;
}

// src/parse/json-document.ts
var import_yaml2 = __toESM(require_dist(), 1);
function parseLocatedDocument(file, limits, reader = "direct-first") {
  const fail2 = (message, line = 1) => ({
    ok: false,
    problem: problem(message, fileLocation(file.path, line))
  });
  const bytes = Math.max(file.size, file.text.length);
  if (bytes > limits.maxFileBytes) {
    return fail2(`file is ${bytes} bytes, over the ${limits.maxFileBytes}-byte limit; not parsed`);
  }
  const scan = scanFlowStructure(file.text, limits.maxDepth);
  if (scan.tooDeepAt !== void 0) return fail2(`nesting deeper than ${limits.maxDepth} levels; not parsed`, scan.tooDeepAt);
  const maxTokens = limits.maxParseMillisPerFile * TOKENS_PER_MILLISECOND;
  if (scan.tokens > maxTokens) return fail2(`${scan.tokens} structural tokens, more than the ${maxTokens} parseable in the time limit; not parsed`);
  const deadline = Date.now() + limits.maxParseMillisPerFile;
  if (reader === "direct-first" && file.path.endsWith(".json")) {
    const direct = readJson(file.text, deadline);
    if (direct === "timeout") return fail2(`parsing took longer than ${limits.maxParseMillisPerFile} ms; not parsed`);
    if (direct) {
      const value2 = jsonValue(direct);
      if (valueDepthExceeds(value2, limits.maxDepth)) return fail2(`nesting deeper than ${limits.maxDepth} levels; not parsed`);
      return { ok: true, doc: directDocument(file, direct, value2) };
    }
  }
  const lineCounter = new import_yaml2.LineCounter();
  const document = composeWithin(file.text, lineCounter, deadline, {
    // JSON files are held to JSON scalars, so `tru` is an error rather than the string "tru".
    schema: file.path.endsWith(".json") ? "json" : "core",
    prettyErrors: false
  });
  if (document === "timeout") return fail2(`parsing took longer than ${limits.maxParseMillisPerFile} ms; not parsed`);
  if (document === "several") return fail2("several YAML documents in one file; not parsed");
  const error = document.errors[0];
  if (error) return fail2(`invalid ${syntaxName(file.path)}: ${error.message}`, lineCounter.linePos(error.pos[0]).line);
  let value;
  try {
    value = document.toJS({ maxAliasCount: limits.maxYamlAliases }) ?? null;
  } catch (thrown) {
    return fail2(thrown instanceof Error ? thrown.message : String(thrown));
  }
  if (valueDepthExceeds(value, limits.maxDepth)) return fail2(`nesting deeper than ${limits.maxDepth} levels; not parsed`);
  const lineOf = (offset) => lineCounter.linePos(offset).line;
  const rangeOf = (start2, end) => ({
    file: file.path,
    startLine: lineOf(start2),
    endLine: lineOf(Math.max(start2, end - 1))
  });
  const nodeAt = (path) => {
    const node = path.length === 0 ? document.contents : document.getIn(path, true);
    return isNodeWithRange(node) ? node : void 0;
  };
  return {
    ok: true,
    doc: {
      value,
      locate(path) {
        const node = nodeAt(path);
        return node?.range ? rangeOf(node.range[0], node.range[1]) : void 0;
      },
      entryLocations(path) {
        const root = nodeAt(path);
        return root ? collectEntryLocations(root, YAML_TREE, rangeOf) : {};
      },
      whole: rangeOf(0, file.text.trimEnd().length)
    }
  };
}
function directDocument(file, root, value) {
  const lineCounter = jsonLineCounter(file.text);
  const lineOf = (offset) => lineCounter.linePos(offset).line;
  const rangeOf = (start2, end) => ({ file: file.path, startLine: lineOf(start2), endLine: lineOf(Math.max(start2, end - 1)) });
  const nodeAt = (path) => {
    let node = root;
    for (const step of path) {
      if (node?.kind === "map") node = typeof step === "string" ? node.entries.find((e) => e.key === step)?.value : void 0;
      else if (node?.kind === "seq") node = itemAt(node.items, step);
      else return void 0;
    }
    return node;
  };
  return {
    value,
    locate(path) {
      const node = nodeAt(path);
      return node ? rangeOf(node.start, node.end) : void 0;
    },
    entryLocations(path) {
      const start2 = nodeAt(path);
      return start2 ? collectEntryLocations(start2, DIRECT_TREE, rangeOf) : {};
    },
    whole: rangeOf(0, file.text.trimEnd().length)
  };
}
function itemAt(items, step) {
  const index = typeof step === "string" && step !== "" ? Number(step) : step;
  return typeof index === "number" && Number.isInteger(index) && index >= 0 ? items[index] : void 0;
}
var TOKENS_PER_MILLISECOND = 100;
var LEXEMES_PER_CLOCK_CHECK = 4096;
function composeWithin(text, lineCounter, deadline, options) {
  let timedOut = false;
  const parser2 = new import_yaml2.Parser(lineCounter.addNewLine);
  function* tokens() {
    lineCounter.addNewLine(0);
    let count = 0;
    for (const lexeme of new import_yaml2.Lexer().lex(text)) {
      if (++count % LEXEMES_PER_CLOCK_CHECK === 0 && Date.now() > deadline) {
        timedOut = true;
        return;
      }
      yield* parser2.next(lexeme);
    }
    yield* parser2.end();
  }
  const documents = [];
  for (const document of new import_yaml2.Composer(options).compose(tokens(), true, text.length)) {
    documents.push(document);
    if (documents.length > 1) return "several";
  }
  return timedOut ? "timeout" : documents[0];
}
function syntaxName(path) {
  return path.endsWith(".json") ? "JSON" : "YAML";
}
function isNodeWithRange(node) {
  return (0, import_yaml2.isMap)(node) || (0, import_yaml2.isSeq)(node) || (0, import_yaml2.isScalar)(node);
}
function collectEntryLocations(root, tree, rangeOf) {
  const found = {};
  const queue = [{ node: root, prefix: "" }];
  for (let i2 = 0; i2 < queue.length; i2++) {
    const { node, prefix } = queue[i2];
    const items = tree.items(node);
    if (items) {
      for (const item of items) queue.push({ node: item, prefix });
      continue;
    }
    for (const entry of tree.entries(node) ?? []) {
      const path = prefix + entry.key;
      found[path] ??= rangeOf(entry.start, entry.end);
      queue.push({ node: entry.value, prefix: `${path}.` });
    }
  }
  return found;
}
var YAML_TREE = {
  items: (node) => (0, import_yaml2.isSeq)(node) ? node.items : void 0,
  entries: (node) => (0, import_yaml2.isMap)(node) ? node.items.flatMap((pair2) => {
    if (!(0, import_yaml2.isPair)(pair2) || !(0, import_yaml2.isScalar)(pair2.key) || !pair2.key.range) return [];
    const end = isNodeWithRange(pair2.value) && pair2.value.range ? pair2.value.range[1] : pair2.key.range[1];
    return [{ key: String(pair2.key.value), start: pair2.key.range[0], end, value: pair2.value }];
  }) : void 0
};
var DIRECT_TREE = {
  items: (node) => node.kind === "seq" ? node.items : void 0,
  entries: (node) => node.kind === "map" ? node.entries.map((e) => ({ key: e.key, start: e.keyStart, end: e.value.end, value: e.value })) : void 0
};
function scanFlowStructure(text, maxDepth) {
  let depth = 0;
  let line = 1;
  let tokens = 0;
  let inString = false;
  for (let i2 = 0; i2 < text.length; i2++) {
    const c = text.charCodeAt(i2);
    if (c === 10) line++;
    if (inString) {
      if (c === 92 && text.charCodeAt(++i2) === 10)
        line++;
      else if (c === 34) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 91 || c === 123) {
      tokens++;
      if (++depth > maxDepth) return { tooDeepAt: line, tokens };
    } else if ((c === 93 || c === 125) && depth > 0) {
      depth--;
    } else if (c === 44 || c === 58) {
      tokens++;
    }
  }
  return { tokens };
}
function valueDepthExceeds(root, maxDepth) {
  const stack = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop();
    if (value === null || typeof value !== "object") continue;
    if (depth >= maxDepth) return true;
    for (const child2 of Object.values(value)) stack.push({ value: child2, depth: depth + 1 });
  }
  return false;
}

// src/parse/cloudformation/load.ts
function loadTemplate(text, limits, budget, reader = "direct-first") {
  const json = reader === "direct-first" ? loadJsonTemplate(text, limits, budget) : void 0;
  if (json) return json;
  const lineCounter = new import_yaml3.LineCounter();
  const lineOf = (offset) => lineAt(lineCounter, offset);
  const tokens = Array.from(new import_yaml3.Parser(lineCounter.addNewLine).parse(text));
  const deepAt = offsetBeyondDepth(tokens, limits.maxDepth);
  if (deepAt !== void 0) return { ok: false, message: `nesting deeper than ${limits.maxDepth} levels`, line: lineOf(deepAt) };
  const composer = new import_yaml3.Composer({ uniqueKeys: false, customTags: INTRINSIC_TAGS, version: "1.2" });
  const documents = Array.from(composer.compose(tokens, true, text.length));
  const [doc] = documents;
  if (documents.length > 1) {
    return { ok: false, message: "several YAML documents in one file; a template is one document", line: lineOf(documents[1].range[0]) };
  }
  const [error] = doc.errors;
  if (error) return { ok: false, message: `syntax error: ${firstLine(error.message)}`, line: lineOf(error.pos[0]) };
  try {
    const converter = new TreeConverter(doc, text, lineCounter, limits, budget);
    return { ok: true, root: converter.convert(doc.contents, 0) };
  } catch (failure) {
    if (failure instanceof TreeLimitExceeded) return { ok: false, message: failure.message, line: failure.line };
    throw failure;
  }
}
function loadJsonTemplate(text, limits, budget) {
  if (!JSON_START.test(text) || scanFlowStructure(text, limits.maxDepth).tooDeepAt !== void 0) return void 0;
  const root = readJson(text, Date.now() + limits.maxParseMillisPerFile);
  if (root === void 0) return void 0;
  if (root === "timeout") throw new BudgetExceeded("time limit per file exceeded");
  const lineCounter = jsonLineCounter(text);
  const lineOf = (offset) => lineAt(lineCounter, offset);
  const toTree = (node) => {
    budget.tick();
    const lines2 = { start: lineOf(node.start), end: lineOf(node.end - 1) };
    if (node.kind === "scalar") return { kind: "scalar", value: node.value, lines: lines2 };
    if (node.kind === "seq") return { kind: "seq", items: node.items.map(toTree), lines: lines2 };
    const entries = /* @__PURE__ */ new Map();
    for (const entry of node.entries) entries.set(entry.key, { key: entry.key, keyLine: lineOf(entry.keyStart), value: toTree(entry.value) });
    return { kind: "map", entries, lines: lines2 };
  };
  return { ok: true, root: toTree(root) };
}
var JSON_START = /^[ \t\r\n]*[{[]/;
function lineAt(lineCounter, offset) {
  return Math.max(1, lineCounter.linePos(offset).line);
}
function firstLine(message) {
  return message.split("\n", 1)[0];
}
function offsetBeyondDepth(tokens, maxDepth) {
  const stack = tokens.map((token) => ({ token, depth: 0 }));
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { token, depth } = next;
    const children = [];
    if (token.type === "document") children.push(token.value);
    else if (token.type === "block-map" || token.type === "block-seq" || token.type === "flow-collection") {
      if (depth + 1 > maxDepth) return token.offset;
      for (const item of token.items) children.push(item.key, item.value);
    }
    const childDepth = token.type === "document" ? depth : depth + 1;
    for (const item of children) if (item) stack.push({ token: item, depth: childDepth });
  }
  return void 0;
}
var TreeLimitExceeded = class extends Error {
  constructor(message, line) {
    super(message);
    this.line = line;
  }
  line;
};
var TreeConverter = class {
  constructor(doc, text, lineCounter, limits, budget) {
    this.doc = doc;
    this.text = text;
    this.lineCounter = lineCounter;
    this.limits = limits;
    this.budget = budget;
  }
  doc;
  text;
  lineCounter;
  limits;
  budget;
  aliasesExpanded = 0;
  commentLines = /* @__PURE__ */ new Map();
  convert(node, depth, fallbackLine = 1) {
    this.budget.tick();
    if (depth > this.limits.maxDepth) throw new TreeLimitExceeded(`nesting deeper than ${this.limits.maxDepth} levels`, fallbackLine);
    if ((0, import_yaml3.isAlias)(node)) return this.expandAlias(node, depth);
    if (!(0, import_yaml3.isScalar)(node) && !(0, import_yaml3.isMap)(node) && !(0, import_yaml3.isSeq)(node)) {
      return { kind: "scalar", value: null, lines: { start: fallbackLine, end: fallbackLine } };
    }
    const lines2 = this.linesOf(node);
    const plain = this.convertUntagged(node, lines2, depth);
    const longForm = typeof node.tag === "string" ? LONG_FORM_OF_TAG[node.tag] : void 0;
    if (!longForm) return plain;
    const entry = { key: longForm, keyLine: lines2.start, value: plain };
    return { kind: "map", entries: /* @__PURE__ */ new Map([[longForm, entry]]), lines: lines2 };
  }
  convertUntagged(node, lines2, depth) {
    if ((0, import_yaml3.isSeq)(node)) return { kind: "seq", items: node.items.map((item) => this.convert(item, depth + 1, lines2.start)), lines: lines2 };
    if ((0, import_yaml3.isMap)(node)) {
      const entries = /* @__PURE__ */ new Map();
      for (const pair2 of node.items) {
        if (!(0, import_yaml3.isPair)(pair2) || !(0, import_yaml3.isScalar)(pair2.key)) continue;
        const key = String(pair2.key.value);
        const keyLine = lineAt(this.lineCounter, pair2.key.range?.[0] ?? 0);
        entries.set(key, { key, keyLine, value: this.convert(pair2.value, depth + 1, keyLine) });
      }
      return { kind: "map", entries, lines: lines2 };
    }
    const value = (0, import_yaml3.isScalar)(node) ? node.value : null;
    return { kind: "scalar", value: isPlainScalar(value) ? value : String(value), lines: lines2 };
  }
  expandAlias(alias, depth) {
    const line = lineAt(this.lineCounter, alias.range?.[0] ?? 0);
    this.aliasesExpanded += 1;
    if (this.aliasesExpanded > this.limits.maxYamlAliases) {
      throw new TreeLimitExceeded(`more than ${this.limits.maxYamlAliases} YAML alias expansions`, line);
    }
    const target = alias.resolve(this.doc);
    if (!target) throw new TreeLimitExceeded(`YAML alias *${alias.source} has no anchor`, line);
    const expanded = this.convert(target, depth + 1, line);
    return { ...expanded, lines: { start: line, end: line } };
  }
  /** Lines of a node's value. A block collection's range runs on over blank lines and comments after it: those are cut. */
  linesOf(node) {
    const [start2, valueEnd] = node.range ?? [0, 0];
    const last = (0, import_yaml3.isScalar)(node) ? this.lastNonBlank(start2, valueEnd - 1) : this.lastContent(start2, valueEnd - 1);
    return { start: lineAt(this.lineCounter, start2), end: lineAt(this.lineCounter, last) };
  }
  lastNonBlank(start2, from) {
    let last = Math.max(start2, from);
    while (last > start2 && /\s/.test(this.text[last])) last -= 1;
    return last;
  }
  /** The last offset before `from` that is neither blank nor on a comment-only line. */
  lastContent(start2, from) {
    for (let last = this.lastNonBlank(start2, from); ; ) {
      const lineStart = Math.max(0, last - this.lineCounter.linePos(last).col + 1);
      if (lineStart <= start2 || !this.isCommentLine(lineStart)) return last;
      last = this.lastNonBlank(start2, lineStart - 1);
    }
  }
  /** Cached per line: nested collections ending on the same line would otherwise rescan it (quadratic on minified input). */
  isCommentLine(lineStart) {
    let known2 = this.commentLines.get(lineStart);
    if (known2 === void 0) {
      COMMENT_LINE.lastIndex = lineStart;
      known2 = COMMENT_LINE.test(this.text);
      this.commentLines.set(lineStart, known2);
    }
    return known2;
  }
};
var COMMENT_LINE = /[ \t]*#/y;
function isPlainScalar(value) {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

// src/parse/cloudformation/recognize.ts
var TEMPLATE_EXTENSION = /\.(?:ya?ml|json|template)$/i;
var TERRAFORM_JSON = /\.tf\.json$/i;
var FORMAT_VERSION_KEY = /^\uFEFF?["']?AWSTemplateFormatVersion["']?[ \t]*:|"AWSTemplateFormatVersion"[ \t]*:/m;
var RESOURCES_KEY = /^\uFEFF?["']?Resources["']?[ \t]*:|"Resources"[ \t]*:/m;
var RESOURCE_TYPE = /["']?Type["']?[ \t]*:[ \t]*["']?(?:AWS|Custom|Alexa)::[A-Za-z0-9]/;
var SAM_TRANSFORM = /AWS::Serverless-2016-10-31/;
var TERRAFORM_PLAN_KEYS = [/"format_version"[ \t]*:/, /"terraform_version"[ \t]*:/];
function claimsTemplate(file) {
  if (!TEMPLATE_EXTENSION.test(file.path) || TERRAFORM_JSON.test(file.path)) return false;
  const { text } = file;
  if (TERRAFORM_PLAN_KEYS.every((key) => key.test(text))) return false;
  if (FORMAT_VERSION_KEY.test(text)) return true;
  return RESOURCES_KEY.test(text) && (RESOURCE_TYPE.test(text) || SAM_TRANSFORM.test(text));
}

// src/parse/cloudformation/sam.ts
var GLOBALS_SECTION_OF_TYPE = {
  "AWS::Serverless::Function": "Function",
  "AWS::Serverless::Api": "Api",
  "AWS::Serverless::HttpApi": "HttpApi",
  "AWS::Serverless::SimpleTable": "SimpleTable",
  "AWS::Serverless::StateMachine": "StateMachine",
  "AWS::Serverless::LayerVersion": "LayerVersion"
};
function withGlobals(template, type, properties) {
  const section = Object.hasOwn(GLOBALS_SECTION_OF_TYPE, type) ? GLOBALS_SECTION_OF_TYPE[type] : void 0;
  const globals = section ? child(child(template.root, "Globals"), section) : void 0;
  if (!globals) return properties;
  return properties ? merge(globals, properties) : globals;
}
function merge(global, own) {
  if (isPlainMap(global) && isPlainMap(own)) {
    const entries = new Map(global.entries);
    for (const [key, entry] of own.entries) {
      const inherited = entries.get(key);
      entries.set(key, inherited ? { ...entry, value: merge(inherited.value, entry.value) } : entry);
    }
    return { kind: "map", entries, lines: own.lines };
  }
  if (global.kind === "seq" && own.kind === "seq") return { kind: "seq", items: [...global.items, ...own.items], lines: own.lines };
  return own;
}
function isPlainMap(node) {
  return isMap(node) && !intrinsicCall(node);
}

// src/parse/cloudformation/resources.ts
var RETAINING_DELETION_POLICIES = /* @__PURE__ */ new Set(["Retain", "RetainExceptOnCreate"]);
function buildResource(evaluator, entry) {
  const { template } = evaluator;
  const location = toLocation(template.path, entryLines(entry));
  const type = childString(entry.value, "Type");
  if (!isMap(entry.value) || type === void 0) return problem(`resource ${entry.key} has no Type; skipped`, location);
  const properties = withGlobals(template, type, entry.value.entries.get("Properties")?.value);
  const attrs = {};
  const attrLocations = {};
  if (isMap(properties)) {
    for (const property of properties.entries.values()) {
      const value = evaluator.evaluate(property.value);
      if (value !== NO_VALUE) setOwn(attrs, property.key, value);
    }
    recordLocations(template.path, properties, "", attrLocations);
  }
  const resource = {
    id: `${template.path}:${entry.key}`,
    source: "cloudformation",
    type,
    mode: "managed",
    address: entry.key,
    unit: template.path,
    attrs,
    tags: staticTags(attrs.Tags),
    location,
    attrLocations
  };
  if (RETAINING_DELETION_POLICIES.has(childString(entry.value, "DeletionPolicy") ?? "")) resource.protectedFromDeletion = true;
  const condition = childString(entry.value, "Condition");
  if (condition !== void 0) resource.conditional = condition;
  const cdkPath = childString(entry.value.entries.get("Metadata")?.value, "aws:cdk:path");
  if (cdkPath !== void 0) resource.displayName = cdkPath;
  return resource;
}
function toLocation(file, lines2) {
  return { file, startLine: lines2.start, endLine: lines2.end };
}
function recordLocations(file, node, prefix, into) {
  if (intrinsicCall(node)) return;
  if (node.kind === "seq") {
    for (const item of node.items) recordLocations(file, item, prefix, into);
    return;
  }
  if (node.kind !== "map") return;
  for (const entry of node.entries.values()) {
    const path = prefix ? `${prefix}.${entry.key}` : entry.key;
    if (!Object.hasOwn(into, path)) setOwn(into, path, toLocation(file, entryLines(entry)));
    recordLocations(file, entry.value, path, into);
  }
}
function staticTags(tags) {
  const result = {};
  const pairs = Array.isArray(tags) ? tags.flatMap((tag) => isRecord(tag) ? [[tag.Key, tag.Value]] : []) : isRecord(tags) ? Object.entries(tags) : [];
  for (const [key, value] of pairs) if (typeof key === "string" && isTextual(value)) setOwn(result, key, String(value));
  return result;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !("$kind" in value);
}

// src/parse/cloudformation/template.ts
var RESOURCE_TYPE_PREFIX = /^(?:AWS|Custom|Alexa)::/;
function readTemplate(path, root) {
  if (!isMap(root)) return { ok: false, message: "not a CloudFormation template: the top level is not a mapping", line: root.lines.start };
  const resources = child(root, "Resources");
  if (resources !== void 0 && !isMap(resources)) {
    return { ok: false, message: "not a CloudFormation template: Resources is not a mapping", line: resources.lines.start };
  }
  const declaresAwsTypes = [...resources?.entries.values() ?? []].some((entry) => RESOURCE_TYPE_PREFIX.test(childString(entry.value, "Type") ?? ""));
  if (!root.entries.has("AWSTemplateFormatVersion") && !declaresAwsTypes) {
    return { ok: false, message: "not a CloudFormation template: no AWSTemplateFormatVersion and no AWS:: resources", line: root.lines.start };
  }
  return {
    ok: true,
    template: {
      path,
      root,
      resources: sectionEntries(resources),
      parameters: sectionEntries(child(root, "Parameters")),
      mappings: child(root, "Mappings"),
      outputs: sectionEntries(child(root, "Outputs"))
    }
  };
}
function sectionEntries(section) {
  return isMap(section) ? section.entries : /* @__PURE__ */ new Map();
}

// src/parse/cloudformation/index.ts
var cloudFormationParser = {
  name: "cloudformation",
  selfContained: true,
  claims: claimsTemplate,
  parse: parseTemplates
};
var NO_IMPORTS = {
  resolve: (exportName) => unknown(`!ImportValue ${exportName}`, "Fn::ImportValue inside an export name")
};
function parseTemplates(claimed, ctx) {
  const problems = [];
  const exports = new ExportIndex();
  const loaded = [];
  for (const file of [...claimed].sort((a, b) => a.path.localeCompare(b.path))) {
    const budget = new Budget(ctx.limits.maxEvalSteps, ctx.limits.maxParseMillisPerFile);
    const template = readFile(file, ctx, budget, problems);
    if (!template) continue;
    const evaluator = new Evaluator(template, exports, budget);
    const nameEvaluator = new Evaluator(template, NO_IMPORTS, budget, { "AWS::StackName": STACK_NAME_MARK });
    if (guarded(template.path, problems, () => exports.add(evaluator, nameEvaluator)) === void 0) continue;
    loaded.push({ template, evaluator });
  }
  const resources = [];
  const units = [];
  for (const { template, evaluator } of loaded) {
    const built = buildResources(evaluator, problems);
    if (!built) continue;
    resources.push(...built);
    units.push(unitOf(template.path));
  }
  return { resources, problems, units };
}
function readFile(file, ctx, budget, problems) {
  if (file.size > ctx.limits.maxFileBytes) {
    problems.push(problem(`template is larger than ${ctx.limits.maxFileBytes} bytes; not parsed`, fileLocation(file.path)));
    return void 0;
  }
  const loaded = guarded(file.path, problems, () => loadTemplate(file.text, ctx.limits, budget));
  if (!loaded) return void 0;
  if (!loaded.ok) {
    problems.push(problem(loaded.message, fileLocation(file.path, loaded.line)));
    return void 0;
  }
  const shape = readTemplate(file.path, loaded.root);
  if (!shape.ok) {
    problems.push(problem(shape.message, fileLocation(file.path, shape.line)));
    return void 0;
  }
  return shape.template;
}
function buildResources(evaluator, problems) {
  return guarded(evaluator.template.path, problems, () => {
    const built = [];
    for (const entry of evaluator.template.resources.values()) {
      const result = buildResource(evaluator, entry);
      if ("rule" in result) problems.push(result);
      else built.push(result);
    }
    return built;
  });
}
function guarded(path, problems, step) {
  try {
    return step();
  } catch (failure) {
    const reason = failure instanceof BudgetExceeded ? failure.message : `unexpected failure: ${String(failure)}`;
    problems.push(problem(`${reason}; template skipped`, fileLocation(path)));
    return void 0;
  }
}
function unitOf(path) {
  const unit = { id: path, source: "cloudformation", path, files: [path] };
  const environment = environmentOfPath(path);
  if (environment) unit.environment = environment;
  return unit;
}

// src/model/address.ts
function instanceSuffix(key) {
  return typeof key === "number" ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

// src/model/value.ts
function isUnknown2(value) {
  return typeof value === "object" && value !== null && value.$kind === "unknown";
}
function isRef2(value) {
  return typeof value === "object" && value !== null && value.$kind === "ref";
}
function isOneOf2(value) {
  return typeof value === "object" && value !== null && value.$kind === "oneOf";
}
function isSymbolic(value) {
  return isUnknown2(value) || isRef2(value) || isOneOf2(value);
}
function isRecord2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isSymbolic(value);
}
function unknown2(expr, reason, refs) {
  return refs && refs.length > 0 ? { $kind: "unknown", expr, reason, refs } : { $kind: "unknown", expr, reason };
}
function describeValue(value) {
  if (isRef2(value)) {
    const target = `${value.address}${value.instance === void 0 ? "" : instanceSuffix(value.instance)}`;
    if (value.attr === "Ref") return `!Ref ${target}`;
    return value.attr ? `${target}.${value.attr}` : target;
  }
  if (isUnknown2(value)) return value.expr;
  if (isOneOf2(value)) return value.options.map(describeValue).join(" | ");
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

// src/parse/plan/configuration.ts
var INSTANCE_KEY = /\[(?:\d+|"(?:[^"\\]|\\.)*")\]/g;
function configuredExpressions(configuration) {
  const found = /* @__PURE__ */ new Map();
  if (!isRecord2(configuration)) return found;
  const queue = [{ module: configuration.root_module, prefix: "" }];
  for (let i2 = 0; i2 < queue.length; i2++) {
    const { module: module2, prefix } = queue[i2];
    if (!isRecord2(module2)) continue;
    for (const resource of Array.isArray(module2.resources) ? module2.resources : []) {
      if (isRecord2(resource) && typeof resource.address === "string" && isRecord2(resource.expressions)) {
        found.set(prefix + resource.address, resource.expressions);
      }
    }
    for (const [name2, call] of Object.entries(isRecord2(module2.module_calls) ? module2.module_calls : {})) {
      if (isRecord2(call)) queue.push({ module: call.module, prefix: `${prefix}module.${name2}.` });
    }
  }
  return found;
}
function configAddress(moduleAddress, mode, type, name2) {
  const module2 = moduleAddress ? `${moduleAddress.replace(INSTANCE_KEY, "")}.` : "";
  return `${module2}${mode === "data" ? "data." : ""}${type}.${name2}`;
}
var NOT_RESOURCES = /* @__PURE__ */ new Set(["var", "local", "each", "count", "path", "terraform", "self"]);
var RESOURCE_ATTRIBUTE = /^((?:data\.)?[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(?:\[(?:\d+|"(?:[^"\\]|\\.)*")\])?)\.([A-Za-z0-9_-]+)/;
var MODULE_OUTPUT = /^(module\.[A-Za-z0-9_-]+(?:\[(?:\d+|"(?:[^"\\]|\\.)*")\])?)\.([A-Za-z0-9_-]+)/;
function refFromReferences(references, unit, moduleAddress) {
  const texts = references.filter((r) => typeof r === "string");
  const first = texts[0];
  if (first === void 0 || !texts.every((text) => isTraversalPrefix(text, first))) return void 0;
  const match = MODULE_OUTPUT.exec(first) ?? RESOURCE_ATTRIBUTE.exec(first);
  if (!match || NOT_RESOURCES.has(first.split(".")[0])) return void 0;
  const module2 = moduleAddress ? `${moduleAddress}.` : "";
  return { $kind: "ref", unit, address: module2 + match[1], attr: match[2] };
}
function isTraversalPrefix(prefix, traversal) {
  return traversal === prefix || traversal.startsWith(prefix) && ".[".includes(traversal[prefix.length]);
}
function isLeafExpression(expression) {
  return isRecord2(expression) && ("references" in expression || "constant_value" in expression);
}

// src/parse/plan/unknowns.ts
var REASON = "known after apply";
function withUnknowns(value, mask, expression, path, context) {
  if (mask === true) return unknownAt(expression, path, context);
  if (!Array.isArray(mask) && !isRecord2(mask)) return value;
  const copy = Array.isArray(mask) ? Array.isArray(value) ? [...value] : [] : isRecord2(value) ? { ...value } : {};
  const slots = copy;
  let changed = false;
  for (const [key, childMask] of Object.entries(mask)) {
    const slot = Array.isArray(mask) ? Number(key) : key;
    const next = withUnknowns(slots[slot], childMask, childExpression(expression, slot), [...path, slot], context);
    if (next !== slots[slot] && next !== void 0) {
      slots[slot] = next;
      changed = true;
    }
  }
  return changed ? copy : value;
}
function childExpression(expression, slot) {
  if (isLeafExpression(expression)) return expression;
  if (typeof slot === "number") return Array.isArray(expression) ? expression[slot] : void 0;
  return isRecord2(expression) ? expression[slot] : void 0;
}
function unknownAt(expression, path, context) {
  const references = isLeafExpression(expression) && Array.isArray(expression.references) ? expression.references : [];
  const ref = refFromReferences(references, context.unit, context.moduleAddress);
  if (ref) return ref;
  const attribute = path.filter((part) => typeof part === "string").join(".");
  const first = references.find((reference) => typeof reference === "string");
  const refs = references.flatMap((reference) => refFromReferences([reference], context.unit, context.moduleAddress) ?? []);
  return unknown2(typeof first === "string" ? first : `${context.address}.${attribute}`, REASON, refs);
}

// src/parse/plan/index.ts
function isTerraformShowOutput(text) {
  return /"format_version"\s*:/.test(text) && /"terraform_version"\s*:/.test(text);
}
function claims(file) {
  return file.path.endsWith(".json") && isTerraformShowOutput(file.text) && /"resource_changes"\s*:|"planned_values"\s*:/.test(file.text);
}
function parse(claimed, ctx) {
  const output = { resources: [], problems: [], units: [] };
  for (const file of claimed) {
    const { after, problems } = planSides(file, ctx);
    output.resources.push(...after);
    output.problems.push(...problems);
    output.units.push({ id: file.path, source: "plan", path: file.path, files: [file.path] });
  }
  return output;
}
var planParser = { name: "plan", selfContained: true, claims, parse };
function planSides(file, ctx) {
  const parsed = parseLocatedDocument(file, ctx.limits);
  if (!parsed.ok) return { before: [], after: [], problems: [parsed.problem] };
  const { doc } = parsed;
  const plan = doc.value;
  if (!isRecord2(plan)) {
    return { before: [], after: [], problems: [problem("not a Terraform plan: the document is not an object", doc.whole)] };
  }
  const problems = [];
  const changes = changeEntries(plan, doc, problems);
  const prior = moduleEntries(isRecord2(plan.prior_state) ? plan.prior_state.values : void 0, ["prior_state", "values"]);
  const planned = moduleEntries(plan.planned_values, ["planned_values"]);
  const priorData = prior.filter((entry) => entry.mode === "data");
  const expressions = configuredExpressions(plan.configuration);
  const toResources = (entries, gone) => {
    const merged = mergeByAddress(entries, gone);
    return merged.map((entry) => resourceOf(entry, file.path, doc, expressions.get(configKey(entry))));
  };
  return {
    before: toResources([...changes.before, ...prior], changes.absentBefore),
    after: toResources([...changes.after, ...planned, ...priorData], changes.absentAfter),
    problems
  };
}
function changeEntries(plan, doc, problems) {
  const sides = { before: [], after: [], absentBefore: /* @__PURE__ */ new Set(), absentAfter: /* @__PURE__ */ new Set() };
  const changes = Array.isArray(plan.resource_changes) ? plan.resource_changes : [];
  changes.forEach((change, index) => {
    const entryPath = ["resource_changes", index];
    const head = entryHead(change);
    if (!head || !isRecord2(change) || !isRecord2(change.change)) {
      problems.push(problem("resource_changes entry without an address or change; skipped", doc.locate(entryPath) ?? doc.whole));
      return;
    }
    const { before, after, after_unknown: unknownMask } = change.change;
    const side = (values, name2) => isRecord2(values) ? { ...head, values, entryPath, valuesPath: [...entryPath, "change", name2] } : void 0;
    const beforeEntry = side(before, "before");
    const afterEntry = side(after, "after");
    if (beforeEntry) sides.before.push(beforeEntry);
    else sides.absentBefore.add(head.address);
    if (afterEntry) sides.after.push({ ...afterEntry, unknownMask, unknownMaskPath: [...entryPath, "change", "after_unknown"] });
    else sides.absentAfter.add(head.address);
  });
  return sides;
}
function entryHead(raw) {
  if (!isRecord2(raw) || typeof raw.address !== "string") return void 0;
  const text = (value) => typeof value === "string" ? value : "";
  return {
    address: raw.address,
    mode: text(raw.mode),
    type: text(raw.type),
    name: text(raw.name),
    moduleAddress: typeof raw.module_address === "string" ? raw.module_address : void 0
  };
}
function moduleEntries(values, path) {
  const entries = [];
  if (!isRecord2(values)) return entries;
  const queue = [{ module: values.root_module, path: [...path, "root_module"] }];
  for (let i2 = 0; i2 < queue.length; i2++) {
    const { module: module2, path: modulePath } = queue[i2];
    if (!isRecord2(module2)) continue;
    const moduleAddress = typeof module2.address === "string" ? module2.address : void 0;
    (Array.isArray(module2.resources) ? module2.resources : []).forEach((resource, index) => {
      const head = entryHead(resource);
      if (!head || !isRecord2(resource) || !isRecord2(resource.values)) return;
      const entryPath = [...modulePath, "resources", index];
      entries.push({ ...head, moduleAddress, values: resource.values, entryPath, valuesPath: [...entryPath, "values"] });
    });
    (Array.isArray(module2.child_modules) ? module2.child_modules : []).forEach((child2, index) => {
      queue.push({ module: child2, path: [...modulePath, "child_modules", index] });
    });
  }
  return entries;
}
function mergeByAddress(entries, gone) {
  const byAddress = /* @__PURE__ */ new Map();
  for (const entry of entries) {
    if (gone.has(entry.address)) continue;
    const first = byAddress.get(entry.address);
    if (first) first.values = { ...entry.values, ...first.values };
    else byAddress.set(entry.address, { ...entry });
  }
  return [...byAddress.values()];
}
function configKey(entry) {
  return configAddress(entry.moduleAddress, entry.mode, entry.type, entry.name);
}
function resourceOf(entry, unit, doc, expressions) {
  const context = { unit, address: entry.address, moduleAddress: entry.moduleAddress };
  const attrs = withUnknowns(entry.values, entry.unknownMask, expressions, [], context);
  const tags = stringEntries(attrs.tags);
  const defaultTags = Object.fromEntries(Object.entries(stringEntries(attrs.tags_all)).filter(([key]) => !(key in tags)));
  const resource = {
    id: `${unit}:${entry.address}`,
    source: "plan",
    type: entry.type,
    mode: entry.mode === "data" ? "data" : "managed",
    address: entry.address,
    unit,
    attrs,
    tags,
    location: doc.locate(entry.entryPath) ?? doc.whole,
    attrLocations: {
      ...entry.unknownMaskPath ? doc.entryLocations(entry.unknownMaskPath) : {},
      ...doc.entryLocations(entry.valuesPath)
    }
  };
  if (Object.keys(defaultTags).length > 0) resource.defaultTags = defaultTags;
  return resource;
}
function stringEntries(value) {
  if (!isRecord2(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((pair2) => typeof pair2[1] === "string"));
}

// src/parse/policy/index.ts
var import_picomatch = __toESM(require_picomatch2(), 1);

// src/parse/policy/normalize.ts
var UNRESOLVED = "$unknown";
function decodePolicy(doc) {
  if (isSymbolic(doc)) return { unknown: unknownReason(doc) };
  if (typeof doc === "string") {
    let parsed;
    try {
      parsed = JSON.parse(doc);
    } catch (error) {
      return { invalid: `policy is not valid JSON: ${error.message}` };
    }
    return decodePolicy(parsed);
  }
  return isRecord2(doc) ? { object: doc } : { invalid: "policy document is not a JSON object" };
}
function unknownReason(value) {
  if (isRef2(value)) return `depends on ${value.address}.${value.attr}`;
  if (isOneOf2(value)) return `one of several documents (${value.reason})`;
  return isSymbolic(value) ? value.reason : "not a policy document";
}
function element(statement, name2) {
  return statement[name2] ?? void 0;
}
function toList(value) {
  return Array.isArray(value) ? [...value] : [value];
}
var LIST_ELEMENTS = [
  ["Action", "action"],
  ["NotAction", "notAction"],
  ["Resource", "resource"],
  ["NotResource", "notResource"]
];
var PRINCIPAL_ELEMENTS = [
  ["Principal", "principal"],
  ["NotPrincipal", "notPrincipal"]
];
function normalizePolicy(doc, location, statementLocations2) {
  const decoded = decodePolicy(doc);
  const result = { statements: [] };
  if (location) result.location = location;
  if ("unknown" in decoded) return { ...result, unknown: decoded.unknown };
  if ("invalid" in decoded) return result;
  const { object } = decoded;
  if (typeof object.Version === "string") result.version = object.Version;
  const raw = element(object, "Statement");
  if (raw === void 0) return result;
  if (isSymbolic(raw)) return { ...result, unknown: `Statement ${unknownReason(raw)}` };
  const unknownParts = [];
  toList(raw).forEach((item, index) => {
    if (isSymbolic(item)) unknownParts.push(`Statement ${index}: ${unknownReason(item)}`);
    else if (isRecord2(item)) result.statements.push(normalizeStatement(item, statementLocations2?.[index]));
  });
  if (unknownParts.length > 0) result.unknown = unknownParts.join("; ");
  return result;
}
function normalizeStatement(raw, location) {
  const statement = {
    effect: element(raw, "Effect") ?? null,
    conditions: normalizeConditions(element(raw, "Condition"))
  };
  const sid = element(raw, "Sid");
  if (typeof sid === "string") statement.sid = sid;
  for (const [name2, field] of PRINCIPAL_ELEMENTS) {
    const value = element(raw, name2);
    if (value !== void 0) statement[field] = normalizePrincipal(value);
  }
  for (const [name2, field] of LIST_ELEMENTS) {
    const value = element(raw, name2);
    if (value !== void 0) statement[field] = toList(value);
  }
  if (location) statement.location = location;
  return statement;
}
function normalizePrincipal(value) {
  if (value === "*") return { "*": ["*"] };
  if (isOneOf2(value)) return mergePrincipalSets(value.options.map(normalizePrincipal));
  if (isRecord2(value)) {
    return Object.fromEntries(Object.entries(value).map(([type, ids]) => [type, toList(ids)]));
  }
  return { [UNRESOLVED]: [value] };
}
function mergePrincipalSets(sets2) {
  const merged = {};
  for (const set of sets2) {
    for (const [type, ids] of Object.entries(set)) merged[type] = [...merged[type] ?? [], ...ids];
  }
  return merged;
}
function normalizeConditions(value) {
  if (value === void 0) return [];
  if (!isRecord2(value)) return [{ ...parseOperator(UNRESOLVED), key: UNRESOLVED, values: [value] }];
  return Object.entries(value).flatMap(
    ([operator, block]) => isRecord2(block) ? Object.entries(block).map(([key, values]) => ({ ...parseOperator(operator), key, values: toList(values) })) : [{ ...parseOperator(operator), key: UNRESOLVED, values: [block] }]
  );
}
var SET_OPERATORS = ["ForAnyValue", "ForAllValues"];
var IF_EXISTS = /IfExists$/i;
function parseOperator(operator) {
  const colon = operator.indexOf(":");
  const prefix = colon > 0 ? operator.slice(0, colon).toLowerCase() : void 0;
  const setOperator = SET_OPERATORS.find((candidate) => candidate.toLowerCase() === prefix);
  const rest = setOperator ? operator.slice(colon + 1) : operator;
  const ifExists = IF_EXISTS.test(rest) && rest.length > "IfExists".length;
  const clause = {
    operator,
    base: ifExists ? rest.slice(0, -"IfExists".length) : rest,
    ifExists
  };
  if (setOperator) clause.setOperator = setOperator;
  return clause;
}
function sidOf(statement) {
  return isRecord2(statement) && typeof statement.Sid === "string" && statement.Sid !== "" ? statement.Sid : void 0;
}
function statementKeys(statements) {
  const keys = [];
  toList(statements ?? null).forEach((item, index) => {
    const sid = sidOf(item);
    const named = `Statement.${sid}`;
    keys.push(sid !== void 0 && !keys.includes(named) ? named : `Statement.${index}`);
  });
  return keys;
}

// src/parse/policy/iam-policy-document.ts
var DEFAULT_VERSION = "2012-10-17";
var LIST_ELEMENTS2 = [
  ["actions", "Action"],
  ["not_actions", "NotAction"],
  ["resources", "Resource"],
  ["not_resources", "NotResource"]
];
var PRINCIPAL_BLOCKS = [
  ["principals", "Principal"],
  ["not_principals", "NotPrincipal"]
];
function policyJsonFromDocument(attrs, sources) {
  const blocks = attrs.statement ?? [];
  if (isSymbolic(blocks)) {
    return isRef2(blocks) ? unknown2(`${blocks.address}.${blocks.attr}`, "statement blocks are not known", [blocks]) : blocks;
  }
  const merged = [];
  for (const source of sources.sourcePolicyDocuments) upsertAll(merged, statementsOf(source));
  upsertAll(merged, (Array.isArray(blocks) ? blocks : [blocks]).map(statementFromBlock));
  for (const override of sources.overridePolicyDocuments) upsertAll(merged, statementsOf(override));
  const policy = { Version: attrs.version ?? DEFAULT_VERSION };
  if (attrs.policy_id !== void 0 && attrs.policy_id !== null) policy.Id = attrs.policy_id;
  policy.Statement = merged;
  return policy;
}
function upsertAll(target, statements) {
  for (const statement of statements) {
    const sid = sidOf(statement);
    const existing = sid === void 0 ? -1 : target.findIndex((other) => sidOf(other) === sid);
    if (existing >= 0) target[existing] = statement;
    else target.push(statement);
  }
}
function statementsOf(document) {
  let decoded = document;
  if (typeof document === "string") {
    try {
      decoded = JSON.parse(document);
    } catch {
      return [unknown2(document.slice(0, 80), "policy document is not valid JSON")];
    }
  }
  if (isSymbolic(decoded)) return [decoded];
  if (!isRecord2(decoded)) return [];
  const statements = decoded.Statement ?? [];
  return Array.isArray(statements) ? statements : [statements];
}
function statementFromBlock(block) {
  if (!isRecord2(block)) return block;
  const statement = {};
  if (block.sid !== void 0 && block.sid !== null && block.sid !== "") statement.Sid = block.sid;
  statement.Effect = block.effect ?? "Allow";
  for (const [attribute, name2] of PRINCIPAL_BLOCKS) {
    const principal = principalFromBlocks(block[attribute]);
    if (principal !== void 0) statement[name2] = principal;
  }
  for (const [attribute, name2] of LIST_ELEMENTS2) {
    const value = block[attribute];
    if (value !== void 0 && value !== null && !(Array.isArray(value) && value.length === 0)) statement[name2] = value;
  }
  const condition = conditionFromBlocks(block.condition);
  if (condition !== void 0) statement.Condition = condition;
  return statement;
}
function principalFromBlocks(blocks) {
  if (blocks === void 0 || blocks === null || Array.isArray(blocks) && blocks.length === 0) return void 0;
  if (!Array.isArray(blocks)) return blocks;
  const byType = {};
  for (const block of blocks) {
    const type = isRecord2(block) && typeof block.type === "string" ? block.type : UNRESOLVED;
    const identifiers = isRecord2(block) ? block.identifiers ?? [] : block;
    byType[type] = [...byType[type] ?? [], ...listOf(identifiers)];
  }
  const types = Object.keys(byType);
  const everyone = byType["*"];
  const onlyStar = types.length === 1 && Array.isArray(everyone) && everyone.length === 1 && everyone[0] === "*";
  return onlyStar ? "*" : byType;
}
function conditionFromBlocks(blocks) {
  if (blocks === void 0 || blocks === null || Array.isArray(blocks) && blocks.length === 0) return void 0;
  if (!Array.isArray(blocks)) return blocks;
  const byTest = {};
  for (const block of blocks) {
    const test = isRecord2(block) && typeof block.test === "string" ? block.test : UNRESOLVED;
    const variable = isRecord2(block) && typeof block.variable === "string" ? block.variable : UNRESOLVED;
    const values = isRecord2(block) ? block.values ?? [] : block;
    byTest[test] ??= {};
    byTest[test][variable] = [...byTest[test][variable] ?? [], ...listOf(values)];
  }
  return byTest;
}
function listOf(value) {
  return Array.isArray(value) ? value : [value];
}

// src/parse/policy/index.ts
var STATEMENT = /"Statement"\s*:/;
var CLOUDFORMATION = /"AWSTemplateFormatVersion"\s*:|"Resources"\s*:/;
function claims2(file) {
  return file.path.endsWith(".json") && !file.path.endsWith(".tf.json") && STATEMENT.test(file.text) && !CLOUDFORMATION.test(file.text) && !isTerraformShowOutput(file.text);
}
function parse2(claimed, ctx) {
  const output = { resources: [], problems: [], units: [] };
  const isScp = (0, import_picomatch.default)(ctx.scpPaths, { dot: true });
  for (const file of claimed) {
    const result = parseLocatedDocument(file, ctx.limits);
    if (!result.ok) {
      output.problems.push(result.problem);
      continue;
    }
    const resource = policyResource(file.path, result.doc, isScp(file.path));
    if (!resource) continue;
    output.resources.push(resource);
    output.units.push({ id: file.path, source: "policy", path: file.path, files: [file.path] });
  }
  return output;
}
var policyParser = { name: "policy", selfContained: true, claims: claims2, parse: parse2 };
function policyResource(path, doc, scp) {
  if (!isRecord2(doc.value) || doc.value.Statement === void 0) return void 0;
  const document = normalizePolicy(doc.value);
  const actions = document.statements.flatMap((s) => [...s.action ?? [], ...s.notAction ?? []]);
  if (!actions.some(concernsKms)) return void 0;
  return {
    id: `${path}:${path}`,
    source: "policy",
    type: "policy_file",
    mode: "managed",
    address: path,
    unit: path,
    attrs: { document: doc.value, kind: policyKind(document, scp) },
    tags: {},
    location: doc.whole,
    attrLocations: statementLocations(doc)
  };
}
function concernsKms(action) {
  return typeof action === "string" && (action === "*" || action.toLowerCase().startsWith("kms:"));
}
function policyKind(document, scp) {
  if (!document.statements.some((s) => s.principal || s.notPrincipal)) return scp ? "scp" : "identity";
  return document.statements.some((s) => (s.action ?? []).some(concernsKms)) ? "key" : "resource";
}
function statementLocations(doc) {
  const locations = {};
  const whole = doc.locate(["Statement"]);
  if (!whole) return locations;
  locations.Statement = whole;
  const raw = isRecord2(doc.value) ? doc.value.Statement : void 0;
  statementKeys(raw).forEach((key, index) => {
    const location = Array.isArray(raw) ? doc.locate(["Statement", index]) : whole;
    if (location) locations[key] = location;
  });
  return locations;
}

// src/parse/side.ts
var SIDE_MIN_BYTES = 256 * 1024;
var WORKER_URL = new URL("./side-worker.js", import.meta.url);

// src/parse/terraform/ast.ts
var MAX_TEXT = 120;
function shortText(text) {
  return shortRange(text, 0, text.length);
}
var scratch = new Uint16Array(MAX_TEXT + 1);
function shortRange(text, start2, stop2) {
  let length = 0;
  let spaced = false;
  let altered = false;
  for (let at = start2; at < stop2; at++) {
    const c = text.charCodeAt(at);
    if (isSpace(c)) {
      if (c !== 32 || spaced || length === 0) altered = true;
      spaced = length > 0;
      continue;
    }
    if (spaced) {
      scratch[length++] = 32;
      spaced = false;
    }
    if (length > MAX_TEXT) break;
    scratch[length++] = c;
    if (length > MAX_TEXT) break;
  }
  if (length > MAX_TEXT) return `${String.fromCharCode.apply(null, scratch.subarray(0, MAX_TEXT - 1))}…`;
  if (!altered && !spaced) return text.slice(start2, stop2);
  return String.fromCharCode.apply(null, scratch.subarray(0, length));
}
function isSpace(c) {
  if (c > 32 && c < 160) return false;
  return c === 32 || c >= 9 && c <= 13 || c === 160 || c === 5760 || c >= 8192 && c <= 8202 || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288 || c === 65279;
}
function traversalOf(expr) {
  const steps = [];
  let node = expr;
  for (; ; ) {
    if (node.kind === "getAttr") steps.push({ attr: node.name });
    else if (node.kind === "index") steps.push({ index: node.key });
    else if (node.kind === "variable") return { root: node.name, steps: steps.reverse() };
    else return void 0;
    node = node.target;
  }
}
function childExprs(expr) {
  switch (expr.kind) {
    case "template":
      return partExprs(expr.parts);
    case "getAttr":
      return [expr.target];
    case "index":
      return [expr.target, expr.key];
    case "splat":
      return [expr.target, ...expr.each.flatMap((s) => "index" in s ? [s.index] : [])];
    case "tuple":
      return [...expr.items];
    case "object":
      return expr.items.flatMap((i2) => [i2.key, i2.value]);
    case "call":
      return [...expr.args];
    case "conditional":
      return [expr.cond, expr.whenTrue, expr.whenFalse];
    case "binary":
      return [expr.left, expr.right];
    case "unary":
      return [expr.operand];
    case "for":
      return [expr.collection, ...expr.keyExpr ? [expr.keyExpr] : [], expr.valueExpr, ...expr.cond ? [expr.cond] : []];
    default:
      return [];
  }
}
function partExprs(parts2) {
  return parts2.flatMap((p) => {
    if (p.kind === "interp") return [p.expr];
    if (p.kind === "if") return [p.cond, ...partExprs(p.whenTrue), ...partExprs(p.whenFalse)];
    if (p.kind === "for") return [p.collection, ...partExprs(p.body)];
    return [];
  });
}
function* allExprs(body2) {
  const bodies = [body2];
  while (bodies.length > 0) {
    const current = bodies.pop();
    for (const block of current.blocks) bodies.push(block.body);
    const stack = current.attributes.map((a) => a.expr);
    while (stack.length > 0) {
      const expr = stack.pop();
      yield expr;
      stack.push(...childExprs(expr));
    }
  }
}
function variablesRead(expr) {
  const names = [];
  const stack = [expr];
  while (stack.length > 0) {
    const current = stack.pop();
    const chain = current.kind === "getAttr" ? traversalOf(current) : void 0;
    const first = chain?.steps[0];
    if (chain?.root === "var" && first && "attr" in first) names.push(first.attr);
    else stack.push(...childExprs(current).reverse());
  }
  return names;
}

// src/parse/terraform/paths.ts
function joinPath(base, relative) {
  const parts2 = [];
  for (const part of `${base}/${relative}`.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && parts2.length > 0 && parts2[parts2.length - 1] !== "..") parts2.pop();
    else parts2.push(part);
  }
  return parts2.length === 0 ? "." : parts2.join("/");
}
function dirOf(path) {
  const at = path.lastIndexOf("/");
  return at < 0 ? "." : path.slice(0, at);
}
function baseName(path) {
  return path.slice(path.lastIndexOf("/") + 1);
}
function relativePath(from, to) {
  const a = from === "." ? [] : from.split("/");
  const b = to === "." ? [] : to.split("/");
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const up = a.slice(common).map(() => "..");
  const rel = [...up, ...b.slice(common)].join("/");
  return rel === "" ? "." : rel;
}
function isWithin(path, folder) {
  return folder === "." || path === folder || path.startsWith(`${folder}/`);
}
function ancestorsOf(folder) {
  const out2 = [];
  let current = folder;
  while (current !== ".") {
    current = dirOf(current);
    out2.push(current);
  }
  return out2;
}

// src/parse/terraform/values.ts
var isObjectValue = isRecord2;
var errors = /* @__PURE__ */ new WeakSet();
function unknown3(expr, reason, refs = []) {
  return unknown2(expr, reason, dedupeRefs(refs));
}
function errorValue(expr, reason) {
  const value = unknown3(expr, reason);
  errors.add(value);
  return value;
}
function isError(value) {
  return isUnknown2(value) && errors.has(value);
}
var sets = /* @__PURE__ */ new WeakSet();
function asSet(items) {
  sets.add(items);
  return items;
}
function isSet(value) {
  return Array.isArray(value) && sets.has(value);
}
function refsIn2(value, limit = 50) {
  const found = [];
  const stack = [value];
  let visited = 0;
  while (stack.length > 0 && found.length < limit && visited++ < 1e4) {
    const v = stack.pop();
    if (isRef2(v)) found.push(v);
    else if (isUnknown2(v)) found.push(...v.refs ?? []);
    else if (isOneOf2(v)) stack.push(...v.options);
    else if (Array.isArray(v)) stack.push(...v);
    else if (isObjectValue(v)) stack.push(...Object.values(v));
  }
  return dedupeRefs(found);
}
function dedupeRefs(refs) {
  const seen = /* @__PURE__ */ new Map();
  for (const ref of refs) seen.set(`${ref.unit}|${ref.address}|${ref.attr}`, ref);
  return [...seen.values()];
}
function unknownFrom(expr, reason, inputs) {
  return unknown3(
    expr,
    reason,
    inputs.flatMap((v) => refsIn2(v))
  );
}
function isFullyKnown(value) {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (isSymbolic(v)) return false;
    if (Array.isArray(v)) stack.push(...v);
    else if (isObjectValue(v)) stack.push(...Object.values(v));
  }
  return true;
}
function firstSymbolic(values) {
  return values.find(isSymbolic);
}
function oneOf(options, reason) {
  const flat2 = [];
  for (const option of options) {
    for (const o of isOneOf2(option) ? option.options : [option]) {
      if (!flat2.some((f) => sameValue(f, o))) flat2.push(o);
    }
  }
  return flat2.length === 1 ? flat2[0] : { $kind: "oneOf", options: flat2, reason };
}
function sameValue(a, b) {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
function asString(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return void 0;
}

// src/parse/terraform/functions.ts
var MAX_GENERATED = 1e4;
function callFunction(name2, args2, ctx) {
  const fn = FUNCTIONS[name2];
  if (!fn) return unknownFrom(ctx.expr.text, `function ${name2}() is not evaluated statically`, args2);
  return fn(args2, ctx);
}
function known(fn) {
  return (args2, ctx) => {
    const symbolic = args2.filter(isSymbolic);
    return symbolic.length > 0 ? unknownFrom(ctx.expr.text, "argument not known statically", symbolic) : fn(args2, ctx);
  };
}
function fail(ctx, reason) {
  return errorValue(ctx.expr.text, `${ctx.expr.name}(): ${reason}`);
}
var str = (fn) => known((args2, ctx) => {
  const strings = args2.map(asString);
  return strings.every((s) => s !== void 0) ? fn(...strings) : fail(ctx, "needs strings");
});
var list = (fn) => known((args2, ctx) => Array.isArray(args2[0]) ? fn(args2[0], args2.slice(1), ctx) : fail(ctx, "needs a list"));
var sortedKeys = (o) => Object.keys(o).sort();
function distinct(items) {
  const seen = /* @__PURE__ */ new Set();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function flatten(items, depth = 0) {
  if (depth > 100) return items;
  return items.flatMap((item) => Array.isArray(item) ? flatten(item, depth + 1) : [item]);
}
function jsonDepth(text) {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i2 = 0; i2 < text.length; i2++) {
    const c = text[i2];
    if (inString) {
      if (c === "\\") i2++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") max = Math.max(max, ++depth);
    else if (c === "]" || c === "}") depth--;
  }
  return max;
}
var MAX_JSON_DEPTH = 200;
function format(spec, args2, ctx) {
  let next = 0;
  const symbolic = [];
  const out2 = spec.replace(/%(%|[-+# 0]*\d*(?:\.\d+)?([sdvqtfbxXeEgGo]))/g, (match, body2, verb) => {
    if (body2 === "%") return "%";
    const arg = args2[next++];
    if (arg === void 0) return match;
    if (isSymbolic(arg)) {
      symbolic.push(arg);
      return "";
    }
    if (verb === "q") return JSON.stringify(asString(arg) ?? arg);
    if (verb === "d") return String(Math.trunc(Number(arg)));
    if (verb === "v" && typeof arg === "object") return JSON.stringify(arg);
    return asString(arg) ?? JSON.stringify(arg);
  });
  return symbolic.length > 0 ? unknownFrom(ctx.expr.text, "formats values not known statically", symbolic) : out2;
}
function readRepoFile(path, resolver, ctx) {
  for (const base of resolver.fileBases) {
    const hit = ctx.evaluator.host.readFile(joinPath(base, path));
    if (hit) return hit;
  }
  return void 0;
}
var NO_NAMES = { resolve: () => void 0, fileBases: [] };
function templatefile(args2, ctx) {
  const [path, vars] = args2;
  if (typeof path !== "string") return unknownFrom(ctx.expr.text, "template path not known statically", [path]);
  const file = readRepoFile(path, ctx.evaluator.resolver, ctx);
  if (!file) return unknown3(ctx.expr.text, `template file ${path} not found in the scanned files`);
  if (vars !== void 0 && !isObjectValue(vars)) return unknownFrom(ctx.expr.text, "template variables not known statically", [vars]);
  const template = ctx.evaluator.host.parseTemplate(file.text, file.path);
  const scope = vars ?? {};
  const rendered = ctx.evaluator.detached(NO_NAMES, scope).eval(template);
  if (!isUnknown2(rendered) || isError(rendered)) return rendered;
  return renderedJson(template, scope, file.text, ctx) ?? rendered;
}
function renderedJson(template, vars, text, ctx) {
  const symbolic = Object.entries(vars).filter(([, value]) => isSymbolic(value));
  if (symbolic.length === 0 || !onlyInterpolated(template, new Set(symbolic.map(([name2]) => name2)))) return void 0;
  let tag = "kms-review-placeholder-";
  while (text.includes(tag)) tag += "x";
  const values = /* @__PURE__ */ new Map();
  const placeholders = {};
  symbolic.forEach(([name2, value], index) => {
    const placeholder = `@${tag}${index}@`;
    values.set(placeholder, value);
    placeholders[name2] = placeholder;
  });
  const rendered = ctx.evaluator.detached(NO_NAMES, { ...vars, ...placeholders }).eval(template);
  if (typeof rendered !== "string" || jsonDepth(rendered) > MAX_JSON_DEPTH) return void 0;
  let parsed;
  try {
    parsed = JSON.parse(rendered);
  } catch {
    return void 0;
  }
  const pattern = new RegExp(`@${tag}\\d+@`, "g");
  let placeholderInKey = false;
  const restore = (value) => {
    if (typeof value === "string") {
      const whole = values.get(value);
      if (whole !== void 0) return whole;
      const inside = value.match(pattern);
      if (!inside) return value;
      const expr = value.replace(pattern, (placeholder) => `\${${describeValue(values.get(placeholder) ?? null)}}`);
      return unknownFrom(
        expr,
        "interpolates values not known statically",
        inside.map((placeholder) => values.get(placeholder) ?? null)
      );
    }
    if (Array.isArray(value)) return value.map(restore);
    if (!isObjectValue(value)) return value;
    const out2 = {};
    for (const [key, item] of Object.entries(value)) {
      placeholderInKey ||= key.match(pattern) !== null;
      out2[key] = restore(item);
    }
    return out2;
  };
  const restored = restore(parsed);
  return placeholderInKey ? void 0 : restored;
}
function onlyInterpolated(template, names) {
  const exprs = [template];
  const parts2 = [];
  while (exprs.length > 0 || parts2.length > 0) {
    const part = parts2.pop();
    if (part) {
      if (part.kind === "interp" && !(part.expr.kind === "variable" && names.has(part.expr.name))) exprs.push(part.expr);
      else if (part.kind === "if") {
        exprs.push(part.cond);
        parts2.push(...part.whenTrue, ...part.whenFalse);
      } else if (part.kind === "for") {
        exprs.push(part.collection);
        parts2.push(...part.body);
      }
      continue;
    }
    const expr = exprs.pop();
    if (expr.kind === "variable" && names.has(expr.name)) return false;
    if (expr.kind === "template") parts2.push(...expr.parts);
    else exprs.push(...childExprs(expr));
  }
  return true;
}
var FUNCTIONS = {
  jsonencode: ([value]) => value !== void 0 && isFullyKnown(value) ? JSON.stringify(value) : value ?? null,
  jsondecode: ([value], ctx) => {
    if (value !== void 0 && (Array.isArray(value) || isObjectValue(value))) return value;
    if (typeof value !== "string") return unknownFrom(ctx.expr.text, "JSON text not known statically", [value ?? null]);
    if (jsonDepth(value) > MAX_JSON_DEPTH) return fail(ctx, "JSON nested too deeply");
    try {
      return JSON.parse(value);
    } catch {
      return fail(ctx, "invalid JSON");
    }
  },
  merge: (args2, ctx) => {
    const symbolic = args2.filter(isSymbolic);
    if (symbolic.length > 0) return unknownFrom(ctx.expr.text, "merges values not known statically", symbolic);
    if (!args2.every((a) => a === null || isObjectValue(a))) return fail(ctx, "needs objects");
    return Object.assign({}, ...args2.filter((a) => a !== null));
  },
  concat: known((args2, ctx) => args2.every(Array.isArray) ? args2.flat(1) : fail(ctx, "needs lists")),
  lookup: (args2, ctx) => {
    const [map, key, fallback] = args2;
    if (isSymbolic(map) || isSymbolic(key)) return unknownFrom(ctx.expr.text, "lookup not known statically", [map, key]);
    const name2 = asString(key);
    if (isObjectValue(map) && name2 !== void 0 && name2 in map) return map[name2];
    return fallback !== void 0 ? fallback : fail(ctx, `no key ${String(key)}`);
  },
  element: list((items, [index], ctx) => {
    if (items.length === 0 || typeof index !== "number") return fail(ctx, "needs a non-empty list and a number");
    return items[(Math.trunc(index) % items.length + items.length) % items.length];
  }),
  coalesce: (args2, ctx) => {
    for (const arg of args2) {
      if (isSymbolic(arg)) return unknownFrom(ctx.expr.text, "coalesce over values not known statically", args2);
      if (arg !== null && arg !== "") return arg;
    }
    return fail(ctx, "all arguments are null or empty");
  },
  coalescelist: (args2, ctx) => {
    for (const arg of args2) {
      if (isSymbolic(arg)) return unknownFrom(ctx.expr.text, "coalescelist over values not known statically", args2);
      if (Array.isArray(arg) && arg.length > 0) return arg;
    }
    return [];
  },
  format: known(([spec, ...rest], ctx) => typeof spec === "string" ? format(spec, rest, ctx) : fail(ctx, "needs a format string")),
  join: known(([sep, ...lists], ctx) => {
    const items = lists.flatMap((l) => Array.isArray(l) ? l : [l]);
    const symbolic = items.filter(isSymbolic);
    if (symbolic.length > 0) return unknownFrom(ctx.expr.text, "joins values not known statically", symbolic);
    const strings = items.map(asString);
    return typeof sep === "string" && strings.every((s) => s !== void 0) ? strings.join(sep) : fail(ctx, "needs strings");
  }),
  split: str((sep, s) => s.split(sep)),
  // Regular expressions from a pull request could backtrack for ever: they are not run.
  replace: known(([s, search, replacement], ctx) => {
    if (typeof s !== "string" || typeof search !== "string" || typeof replacement !== "string") return fail(ctx, "needs strings");
    if (/^\/.*\/$/s.test(search)) return unknown3(ctx.expr.text, "regular expressions are not evaluated");
    return s.split(search).join(replacement);
  }),
  lower: str((s) => s.toLowerCase()),
  upper: str((s) => s.toUpperCase()),
  title: str((s) => s.replace(/\b\w/g, (c) => c.toUpperCase())),
  trimspace: str((s) => s.trim()),
  chomp: str((s) => s.replace(/(\r?\n)+$/, "")),
  trim: str((s, chars) => {
    const set = new Set(chars);
    let a = 0;
    let b = s.length;
    while (a < b && set.has(s[a])) a++;
    while (b > a && set.has(s[b - 1])) b--;
    return s.slice(a, b);
  }),
  trimprefix: str((s, prefix) => s.startsWith(prefix) ? s.slice(prefix.length) : s),
  trimsuffix: str((s, suffix) => suffix && s.endsWith(suffix) ? s.slice(0, -suffix.length) : s),
  startswith: str((s, prefix) => s.startsWith(prefix)),
  endswith: str((s, suffix) => s.endsWith(suffix)),
  substr: known(([s, offset, length], ctx) => {
    if (typeof s !== "string" || typeof offset !== "number" || typeof length !== "number") return fail(ctx, "needs a string and numbers");
    const chars = [...s];
    const start2 = offset < 0 ? chars.length + offset : offset;
    return chars.slice(start2, length < 0 ? void 0 : start2 + length).join("");
  }),
  tostring: known(([v], ctx) => v === null ? null : asString(v) ?? fail(ctx, "needs a primitive")),
  tonumber: known(([v], ctx) => v === null ? null : Number.isNaN(Number(v)) ? fail(ctx, "not a number") : Number(v)),
  tobool: known(([v], ctx) => v === true || v === "true" ? true : v === false || v === "false" ? false : v === null ? null : fail(ctx, "not a bool")),
  tomap: ([v]) => v ?? null,
  tolist: ([v]) => v ?? null,
  toset: (args2, ctx) => Array.isArray(args2[0]) ? asSet(distinct(args2[0])) : known(([v]) => v ?? null)(args2, ctx),
  flatten: list((items) => flatten(items)),
  distinct: list((items) => distinct(items)),
  compact: list((items) => items.filter((i2) => i2 !== null && i2 !== "")),
  reverse: list((items) => [...items].reverse()),
  sort: list(
    (items, _rest, ctx) => items.every((i2) => typeof i2 === "string") ? [...items].sort() : unknownFrom(ctx.expr.text, "sorts values not known statically", items)
  ),
  slice: list((items, [from, to], ctx) => typeof from === "number" && typeof to === "number" ? items.slice(from, to) : fail(ctx, "needs numbers")),
  one: list((items, _rest, ctx) => items.length === 0 ? null : items.length === 1 ? items[0] : fail(ctx, "more than one element")),
  index: list((items, [value], ctx) => {
    const at = items.findIndex((i2) => value !== void 0 && sameValue(i2, value));
    return at >= 0 ? at : fail(ctx, "value not in list");
  }),
  keys: known(([v], ctx) => isObjectValue(v) ? sortedKeys(v) : fail(ctx, "needs a map")),
  values: known(([v], ctx) => isObjectValue(v) ? sortedKeys(v).map((k) => v[k]) : fail(ctx, "needs a map")),
  length: known(([v], ctx) => {
    if (typeof v === "string") return [...v].length;
    if (Array.isArray(v)) return v.length;
    return isObjectValue(v) ? Object.keys(v).length : fail(ctx, "needs a collection");
  }),
  contains: (args2, ctx) => {
    const [items, value] = args2;
    if (!Array.isArray(items) || value === void 0) return unknownFrom(ctx.expr.text, "contains over values not known statically", args2);
    if (items.some((i2) => value !== void 0 && sameValue(i2, value))) return true;
    return items.some(isSymbolic) || isSymbolic(value) ? unknownFrom(ctx.expr.text, "contains over values not known statically", args2) : false;
  },
  zipmap: known(([ks, vs], ctx) => {
    if (!Array.isArray(ks) || !Array.isArray(vs)) return fail(ctx, "needs lists");
    const out2 = {};
    ks.forEach((k, i2) => {
      const name2 = asString(k);
      if (name2 !== void 0) out2[name2] = vs[i2] ?? null;
    });
    return out2;
  }),
  range: known((args2, ctx) => {
    const nums = args2.map(Number);
    if (nums.some(Number.isNaN) || nums.length === 0) return fail(ctx, "needs numbers");
    const [start2, end, step] = nums.length === 1 ? [0, nums[0], 1] : [nums[0], nums[1], nums[2] ?? (nums[1] >= nums[0] ? 1 : -1)];
    if (step === 0) return fail(ctx, "step must not be 0");
    const out2 = [];
    for (let i2 = start2; step > 0 ? i2 < end : i2 > end; i2 += step) {
      if (out2.length >= MAX_GENERATED) return unknown3(ctx.expr.text, `range longer than ${MAX_GENERATED}`);
      out2.push(i2);
    }
    return out2;
  }),
  sum: list((items, _rest, ctx) => items.every((i2) => typeof i2 === "number") ? items.reduce((a, b) => a + b, 0) : fail(ctx, "needs numbers")),
  min: known((args2) => Math.min(...args2.map(Number))),
  max: known((args2) => Math.max(...args2.map(Number))),
  abs: known(([v]) => Math.abs(Number(v))),
  ceil: known(([v]) => Math.ceil(Number(v))),
  floor: known(([v]) => Math.floor(Number(v))),
  alltrue: list(
    (items, _rest, ctx) => items.some(isSymbolic) ? unknownFrom(ctx.expr.text, "not known statically", items) : items.every((i2) => i2 === true || i2 === "true")
  ),
  anytrue: list(
    (items, _rest, ctx) => items.some((i2) => i2 === true || i2 === "true") ? true : items.some(isSymbolic) ? unknownFrom(ctx.expr.text, "not known statically", items) : false
  ),
  base64encode: str((s) => Buffer.from(s, "utf8").toString("base64")),
  base64decode: str((s) => Buffer.from(s, "base64").toString("utf8")),
  file: known(([path], ctx) => {
    if (typeof path !== "string") return fail(ctx, "needs a path");
    const hit = readRepoFile(path, ctx.evaluator.resolver, ctx);
    return hit ? hit.text : unknown3(ctx.expr.text, `file ${path} not found in the scanned files`);
  }),
  fileexists: known(([path], ctx) => typeof path === "string" && readRepoFile(path, ctx.evaluator.resolver, ctx) !== void 0),
  templatefile
};

// src/parse/terraform/evaluate.ts
var MAX_EVAL_DEPTH = 500;
var MAX_ITERATIONS = 1e4;
var MAX_STRING_LENGTH = 1e6;
var MAX_LIST_LENGTH = 1e5;
function newBudget(max) {
  return { steps: 0, max, exceeded: false, depth: 0 };
}
var Evaluator2 = class _Evaluator {
  constructor(resolver, host, vars = /* @__PURE__ */ new Map()) {
    this.resolver = resolver;
    this.host = host;
    this.vars = vars;
  }
  resolver;
  host;
  vars;
  /** A child scope with extra bound names (for-expression / dynamic-block iterators, template vars). */
  with(vars) {
    return new _Evaluator(this.resolver, this.host, new Map([...this.vars, ...Object.entries(vars)]));
  }
  /** A scope that shares only the budget and host: what a `templatefile()` body sees. */
  detached(resolver, vars) {
    return new _Evaluator(resolver, this.host, new Map(Object.entries(vars)));
  }
  eval(expr) {
    const budget = this.host.budget;
    budget.steps++;
    if (budget.steps > budget.max) budget.exceeded = true;
    if (budget.exceeded) return unknown3(expr.text, "evaluation budget exceeded");
    if (budget.depth >= MAX_EVAL_DEPTH) return unknown3(expr.text, "references nested too deeply");
    budget.depth++;
    try {
      const value = this.evalNode(expr);
      const size = typeof value === "string" ? value.length / MAX_STRING_LENGTH : Array.isArray(value) ? value.length / MAX_LIST_LENGTH : 0;
      return size > 1 ? unknown3(expr.text, "value too large to evaluate") : value;
    } finally {
      budget.depth--;
    }
  }
  evalNode(expr) {
    switch (expr.kind) {
      case "literal":
        return expr.value;
      case "invalid":
        return errorValue(expr.text, expr.reason);
      case "template":
        return this.template(expr.parts, expr);
      case "variable":
      case "getAttr":
      case "index":
        return this.traversal(expr);
      case "splat":
        return this.splat(expr);
      case "tuple":
        return expr.items.map((item) => this.eval(item));
      case "object":
        return this.object(expr);
      case "call":
        return this.call(expr);
      case "conditional":
        return this.conditional(expr);
      case "binary":
        return this.binary(expr);
      case "unary":
        return this.unary(expr);
      case "for":
        return this.forExpr(expr);
    }
  }
  traversal(expr) {
    const chain = traversalOf(expr);
    if (!chain) {
      if (expr.kind === "variable") return errorValue(expr.text, `unknown name ${expr.name}`);
      const target = this.eval(expr.target);
      return this.applyStep(target, expr.kind === "getAttr" ? { attr: expr.name } : { index: expr.key }, expr);
    }
    const bound = this.vars.get(chain.root);
    const resolved = bound !== void 0 ? { value: bound, used: 0 } : this.resolver.resolve(chain.root, chain.steps, expr, this);
    if (!resolved) return errorValue(expr.text, `unknown name ${chain.root}`);
    return this.applySteps(resolved.value, chain.steps.slice(resolved.used), expr);
  }
  applySteps(value, steps, expr) {
    let current = value;
    for (const step of steps) current = this.applyStep(current, step, expr);
    return current;
  }
  applyStep(value, step, expr) {
    if (isOneOf2(value))
      return oneOf(
        value.options.map((o) => this.applyStep(o, step, expr)),
        value.reason
      );
    if (isUnknown2(value)) return value;
    if ("attr" in step) {
      if (isRef2(value)) return { ...value, attr: value.attr ? `${value.attr}.${step.attr}` : step.attr };
      if (isObjectValue(value) && step.attr in value) return value[step.attr];
      return errorValue(expr.text, `no attribute ${step.attr} in ${shortName(value)}`);
    }
    const key = this.eval(step.index);
    if (isRef2(value)) return value.attr === "" && value.instance === void 0 ? refInstance(value, key) : value;
    if (isSymbolic(key)) return unknownFrom(expr.text, `index ${step.index.text} is not known statically`, [value, key]);
    if (Array.isArray(value)) {
      const i2 = typeof key === "number" ? key : Number(key);
      return Number.isInteger(i2) && i2 >= 0 && i2 < value.length ? value[i2] : errorValue(expr.text, `index ${String(key)} out of range`);
    }
    const name2 = asString(key);
    if (isObjectValue(value) && name2 !== void 0 && name2 in value) return value[name2];
    return errorValue(expr.text, `no element ${String(key)} in ${shortName(value)}`);
  }
  splat(expr) {
    const target = this.eval(expr.target);
    if (target === null) return [];
    if (isUnknown2(target)) return target;
    const items = Array.isArray(target) ? target : [target];
    return items.map((item) => this.applySteps(item, expr.each, expr));
  }
  object(expr) {
    const result = {};
    const symbolicKeys = [];
    for (const item of expr.items) {
      const key = this.eval(item.key);
      const name2 = asString(key);
      if (name2 === void 0) symbolicKeys.push(key);
      else result[name2] = this.eval(item.value);
    }
    if (symbolicKeys.length > 0) return unknownFrom(expr.text, "object key not known statically", symbolicKeys);
    return result;
  }
  call(expr) {
    if (expr.name === "try") {
      let last = errorValue(expr.text, "no argument of try() succeeded");
      for (const arg of expr.args) {
        last = this.eval(arg);
        if (!isError(last)) return last;
      }
      return last;
    }
    if (expr.name === "can") {
      const value = expr.args[0] ? this.eval(expr.args[0]) : errorValue(expr.text, "can() needs an argument");
      if (isError(value)) return false;
      return isUnknown2(value) ? unknownFrom(expr.text, "argument not known statically", [value]) : true;
    }
    let args2 = expr.args.map((arg) => this.eval(arg));
    if (expr.expandLast && args2.length > 0) {
      const last = args2[args2.length - 1];
      if (!Array.isArray(last)) return unknownFrom(expr.text, "expanded argument is not a known list", [last]);
      args2 = [...args2.slice(0, -1), ...last];
    }
    return this.resolver.callFunction?.(expr.name, args2, expr) ?? callFunction(expr.name, args2, { expr, evaluator: this });
  }
  conditional(expr) {
    const cond = this.eval(expr.cond);
    if (cond === true || cond === "true") return this.eval(expr.whenTrue);
    if (cond === false || cond === "false") return this.eval(expr.whenFalse);
    if (!isSymbolic(cond)) return errorValue(expr.text, `condition is not a bool: ${shortName(cond)}`);
    return oneOf([this.eval(expr.whenTrue), this.eval(expr.whenFalse)], `condition ${expr.cond.text} is not known statically`);
  }
  binary(expr) {
    const left = this.eval(expr.left);
    if (expr.op === "&&" && left === false) return false;
    if (expr.op === "||" && left === true) return true;
    const right = this.eval(expr.right);
    if (expr.op === "&&" || expr.op === "||") {
      if (typeof right === "boolean" && typeof left === "boolean") return right;
      if (right === (expr.op === "||")) return right;
      return unknownFrom(expr.text, `operand of ${expr.op} not known statically`, [left, right]);
    }
    if (expr.op === "==" || expr.op === "!=") {
      if (!isFullyKnown(left) || !isFullyKnown(right)) return unknownFrom(expr.text, "comparison of values not known statically", [left, right]);
      return sameValue(left, right) === (expr.op === "==");
    }
    const symbolic = firstSymbolic([left, right]);
    if (symbolic) return unknownFrom(expr.text, "operand not known statically", [left, right]);
    const a = Number(left);
    const b = Number(right);
    if (typeof left === "object" || typeof right === "object" || Number.isNaN(a) || Number.isNaN(b)) {
      return errorValue(expr.text, `operator ${expr.op} needs numbers`);
    }
    return ARITHMETIC[expr.op](a, b);
  }
  unary(expr) {
    const operand = this.eval(expr.operand);
    if (isSymbolic(operand)) return unknownFrom(expr.text, "operand not known statically", [operand]);
    if (expr.op === "!") return typeof operand === "boolean" ? !operand : errorValue(expr.text, "! needs a bool");
    const n = Number(operand);
    return Number.isNaN(n) ? errorValue(expr.text, "- needs a number") : -n;
  }
  /** The (key, value) pairs of a collection, or a reason it cannot be iterated. */
  iterate(collection, text) {
    if (isSymbolic(collection)) return { fail: unknownFrom(text, `collection ${text} not known statically`, [collection]) };
    if (Array.isArray(collection)) return { pairs: collection.map((v, i2) => [isSet(collection) ? v : i2, v]) };
    if (isObjectValue(collection)) return { pairs: Object.entries(collection) };
    return { fail: errorValue(text, `cannot iterate over ${shortName(collection)}`) };
  }
  forExpr(expr) {
    const iteration = this.iterate(this.eval(expr.collection), expr.collection.text);
    if ("fail" in iteration) return iteration.fail;
    const list2 = [];
    const object = {};
    const grouped = {};
    for (const [key, value] of iteration.pairs.slice(0, MAX_ITERATIONS)) {
      if (this.host.budget.exceeded) return unknown3(expr.text, "evaluation budget exceeded");
      const scope = this.with({ ...expr.keyVar ? { [expr.keyVar]: key } : {}, [expr.valueVar]: value });
      if (expr.cond) {
        const keep = scope.eval(expr.cond);
        if (isSymbolic(keep)) return unknownFrom(expr.text, `filter ${expr.cond.text} not known statically`, [keep]);
        if (keep !== true) continue;
      }
      const item = scope.eval(expr.valueExpr);
      if (!expr.keyExpr) {
        list2.push(item);
        continue;
      }
      const k = asString(scope.eval(expr.keyExpr));
      if (k === void 0) return unknown3(expr.text, `key ${expr.keyExpr.text} not known statically`);
      if (!expr.grouping) object[k] = item;
      else if (grouped[k]) grouped[k].push(item);
      else grouped[k] = [item];
    }
    if (!expr.keyExpr) return list2;
    return expr.grouping ? grouped : object;
  }
  template(parts2, expr) {
    if (parts2.length === 1 && parts2[0].kind === "interp") return this.eval(parts2[0].expr);
    const pieces = [];
    this.renderParts(parts2, pieces, expr);
    const symbolic = pieces.filter(isSymbolic);
    if (symbolic.length > 0) {
      const errors2 = symbolic.find(isError);
      return errors2 ?? unknownFrom(expr.text, "interpolates values not known statically", symbolic);
    }
    return pieces.join("");
  }
  renderParts(parts2, out2, expr) {
    for (const part of parts2) {
      if (out2.length > MAX_ITERATIONS || this.host.budget.exceeded) {
        out2.push(unknown3(expr.text, "template too large"));
        return;
      }
      if (part.kind === "text") out2.push(part.value);
      else if (part.kind === "interp") {
        const value = this.eval(part.expr);
        out2.push(isSymbolic(value) ? value : asString(value) ?? errorValue(part.expr.text, `cannot interpolate ${shortName(value)}`));
      } else if (part.kind === "if") {
        const cond = this.eval(part.cond);
        if (isSymbolic(cond)) out2.push(unknownFrom(part.cond.text, "template condition not known statically", [cond]));
        else this.renderParts(cond === true ? part.whenTrue : part.whenFalse, out2, expr);
      } else {
        const iteration = this.iterate(this.eval(part.collection), part.collection.text);
        if ("fail" in iteration) out2.push(iteration.fail);
        else {
          for (const [key, value] of iteration.pairs) {
            this.with({ ...part.keyVar ? { [part.keyVar]: key } : {}, [part.valueVar]: value }).renderParts(part.body, out2, expr);
          }
        }
      }
    }
  }
};
var ARITHMETIC = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "/": (a, b) => a / b,
  "%": (a, b) => a % b,
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b
};
function shortName(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}
function refInstance(ref, key) {
  if (typeof key === "string" || typeof key === "number") return { ...ref, instance: key };
  if (isOneOf2(key))
    return oneOf(
      key.options.map((k) => refInstance(ref, k)),
      key.reason
    );
  return ref;
}

// src/parse/terraform/grammar.ts
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

// node_modules/web-tree-sitter/web-tree-sitter.js
var __defProp2 = Object.defineProperty;
var __name = (target, value) => __defProp2(target, "name", { value, configurable: true });
var Edit = class {
  static {
    __name(this, "Edit");
  }
  /** The start position of the change. */
  startPosition;
  /** The end position of the change before the edit. */
  oldEndPosition;
  /** The end position of the change after the edit. */
  newEndPosition;
  /** The start index of the change. */
  startIndex;
  /** The end index of the change before the edit. */
  oldEndIndex;
  /** The end index of the change after the edit. */
  newEndIndex;
  constructor({
    startIndex,
    oldEndIndex,
    newEndIndex,
    startPosition,
    oldEndPosition,
    newEndPosition
  }) {
    this.startIndex = startIndex >>> 0;
    this.oldEndIndex = oldEndIndex >>> 0;
    this.newEndIndex = newEndIndex >>> 0;
    this.startPosition = startPosition;
    this.oldEndPosition = oldEndPosition;
    this.newEndPosition = newEndPosition;
  }
  /**
   * Edit a point and index to keep it in-sync with source code that has been edited.
   *
   * This function updates a single point's byte offset and row/column position
   * based on an edit operation. This is useful for editing points without
   * requiring a tree or node instance.
   */
  editPoint(point, index) {
    let newIndex = index;
    const newPoint = { ...point };
    if (index >= this.oldEndIndex) {
      newIndex = this.newEndIndex + (index - this.oldEndIndex);
      const originalRow = point.row;
      newPoint.row = this.newEndPosition.row + (point.row - this.oldEndPosition.row);
      newPoint.column = originalRow === this.oldEndPosition.row ? this.newEndPosition.column + (point.column - this.oldEndPosition.column) : point.column;
    } else if (index > this.startIndex) {
      newIndex = this.newEndIndex;
      newPoint.row = this.newEndPosition.row;
      newPoint.column = this.newEndPosition.column;
    }
    return { point: newPoint, index: newIndex };
  }
  /**
   * Edit a range to keep it in-sync with source code that has been edited.
   *
   * This function updates a range's start and end positions based on an edit
   * operation. This is useful for editing ranges without requiring a tree
   * or node instance.
   */
  editRange(range) {
    const newRange = {
      startIndex: range.startIndex,
      startPosition: { ...range.startPosition },
      endIndex: range.endIndex,
      endPosition: { ...range.endPosition }
    };
    if (range.endIndex >= this.oldEndIndex) {
      if (range.endIndex !== Number.MAX_SAFE_INTEGER) {
        newRange.endIndex = this.newEndIndex + (range.endIndex - this.oldEndIndex);
        newRange.endPosition = {
          row: this.newEndPosition.row + (range.endPosition.row - this.oldEndPosition.row),
          column: range.endPosition.row === this.oldEndPosition.row ? this.newEndPosition.column + (range.endPosition.column - this.oldEndPosition.column) : range.endPosition.column
        };
        if (newRange.endIndex < this.newEndIndex) {
          newRange.endIndex = Number.MAX_SAFE_INTEGER;
          newRange.endPosition = { row: Number.MAX_SAFE_INTEGER, column: Number.MAX_SAFE_INTEGER };
        }
      }
    } else if (range.endIndex > this.startIndex) {
      newRange.endIndex = this.startIndex;
      newRange.endPosition = { ...this.startPosition };
    }
    if (range.startIndex >= this.oldEndIndex) {
      newRange.startIndex = this.newEndIndex + (range.startIndex - this.oldEndIndex);
      newRange.startPosition = {
        row: this.newEndPosition.row + (range.startPosition.row - this.oldEndPosition.row),
        column: range.startPosition.row === this.oldEndPosition.row ? this.newEndPosition.column + (range.startPosition.column - this.oldEndPosition.column) : range.startPosition.column
      };
      if (newRange.startIndex < this.newEndIndex) {
        newRange.startIndex = Number.MAX_SAFE_INTEGER;
        newRange.startPosition = { row: Number.MAX_SAFE_INTEGER, column: Number.MAX_SAFE_INTEGER };
      }
    } else if (range.startIndex > this.startIndex) {
      newRange.startIndex = this.startIndex;
      newRange.startPosition = { ...this.startPosition };
    }
    return newRange;
  }
};
var SIZE_OF_SHORT = 2;
var SIZE_OF_INT = 4;
var SIZE_OF_CURSOR = 4 * SIZE_OF_INT;
var SIZE_OF_NODE = 5 * SIZE_OF_INT;
var SIZE_OF_POINT = 2 * SIZE_OF_INT;
var SIZE_OF_RANGE = 2 * SIZE_OF_INT + 2 * SIZE_OF_POINT;
var ZERO_POINT = { row: 0, column: 0 };
var INTERNAL = /* @__PURE__ */ Symbol("INTERNAL");
function assertInternal(x) {
  if (x !== INTERNAL) throw new Error("Illegal constructor");
}
__name(assertInternal, "assertInternal");
function isPoint(point) {
  return !!point && typeof point.row === "number" && typeof point.column === "number";
}
__name(isPoint, "isPoint");
function setModule(module2) {
  C = module2;
}
__name(setModule, "setModule");
var C;
function newFinalizer(handler) {
  try {
    return new FinalizationRegistry(handler);
  } catch (e) {
    console.error("Unsupported FinalizationRegistry:", e);
    return;
  }
}
__name(newFinalizer, "newFinalizer");
var finalizer = newFinalizer((address) => {
  C._ts_lookahead_iterator_delete(address);
});
var LookaheadIterator = class {
  static {
    __name(this, "LookaheadIterator");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  language;
  /** @internal */
  positioned = false;
  /** @internal */
  constructor(internal, address, language) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
    finalizer?.register(this, address, this);
  }
  /**
   * Get the current symbol of the lookahead iterator.
   *
   * Returns `null` if the iterator is not positioned on a symbol:
   *
   * - Before the first iteration step
   * - After the iterator is exhausted
   * - After a {@link reset} or {@link resetState} call
   */
  get currentTypeId() {
    return this.positioned ? C._ts_lookahead_iterator_current_symbol(this[0]) : null;
  }
  /**
   * Get the current symbol name of the lookahead iterator.
   *
   * Returns `null` if the iterator is not positioned on a symbol.
   */
  get currentType() {
    const id = this.currentTypeId;
    if (id === null) return null;
    return this.language.types[id] ?? C.UTF8ToString(C._ts_language_symbol_name(this.language[0], id));
  }
  /** Delete the lookahead iterator, freeing its resources. */
  delete() {
    finalizer?.unregister(this);
    C._ts_lookahead_iterator_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Reset the lookahead iterator.
   *
   * This returns `true` if the language was set successfully and `false`
   * otherwise.
   */
  reset(language, stateId) {
    if (C._ts_lookahead_iterator_reset(this[0], language[0], stateId)) {
      this.language = language;
      this.positioned = false;
      return true;
    }
    return false;
  }
  /**
   * Reset the lookahead iterator to another state.
   *
   * This returns `true` if the iterator was reset to the given state and
   * `false` otherwise.
   */
  resetState(stateId) {
    if (!C._ts_lookahead_iterator_reset_state(this[0], stateId)) return false;
    this.positioned = false;
    return true;
  }
  /**
   * Returns an iterator that iterates over the symbols of the lookahead iterator.
   *
   * The iterator will yield the current symbol name as a string for each step
   * until there are no more symbols to iterate over.
   */
  [Symbol.iterator]() {
    return {
      next: /* @__PURE__ */ __name(() => {
        this.positioned = Boolean(C._ts_lookahead_iterator_next(this[0]));
        const value = this.currentType;
        return value === null ? { done: true, value: "" } : { done: false, value };
      }, "next")
    };
  }
};
function getText(tree, startIndex, endIndex, startPosition) {
  const length = endIndex - startIndex;
  let result = tree.textCallback(startIndex, startPosition);
  if (result) {
    startIndex += result.length;
    while (startIndex < endIndex) {
      const string = tree.textCallback(startIndex, startPosition);
      if (string && string.length > 0) {
        startIndex += string.length;
        result += string;
      } else {
        break;
      }
    }
    if (startIndex > endIndex) {
      result = result.slice(0, length);
    }
  }
  return result ?? "";
}
__name(getText, "getText");
var finalizer2 = newFinalizer((address) => {
  C._ts_tree_delete(address);
});
var Tree = class _Tree {
  static {
    __name(this, "Tree");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  textCallback;
  /** The language that was used to parse the syntax tree. */
  language;
  /** @internal */
  constructor(internal, address, language, textCallback) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
    this.textCallback = textCallback;
    finalizer2?.register(this, address, this);
  }
  /** Create a shallow copy of the syntax tree. This is very fast. */
  copy() {
    const address = C._ts_tree_copy(this[0]);
    return new _Tree(INTERNAL, address, this.language, this.textCallback);
  }
  /** Delete the syntax tree, freeing its resources. */
  delete() {
    finalizer2?.unregister(this);
    C._ts_tree_delete(this[0]);
    this[0] = 0;
  }
  /** Get the root node of the syntax tree. */
  get rootNode() {
    C._ts_tree_root_node_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Get the root node of the syntax tree, but with its position shifted
   * forward by the given offset.
   */
  rootNodeWithOffset(offsetBytes, offsetExtent) {
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, offsetBytes, "i32");
    marshalPoint(address + SIZE_OF_INT, offsetExtent);
    C._ts_tree_root_node_with_offset_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Edit the syntax tree to keep it in sync with source code that has been
   * edited.
   *
   * You must describe the edit both in terms of byte offsets and in terms of
   * row/column coordinates.
   */
  edit(edit) {
    marshalEdit(edit);
    C._ts_tree_edit_wasm(this[0]);
  }
  /** Create a new {@link TreeCursor} starting from the root of the tree. */
  walk() {
    return this.rootNode.walk();
  }
  /**
   * Compare this old edited syntax tree to a new syntax tree representing
   * the same document, returning a sequence of ranges whose syntactic
   * structure has changed.
   *
   * For this to work correctly, this syntax tree must have been edited such
   * that its ranges match up to the new tree. Generally, you'll want to
   * call this method right after calling one of the [`Parser::parse`]
   * functions. Call it on the old tree that was passed to parse, and
   * pass the new tree that was returned from `parse`.
   */
  getChangedRanges(other) {
    if (!(other instanceof _Tree)) {
      throw new TypeError("Argument must be a Tree");
    }
    C._ts_tree_get_changed_ranges_wasm(this[0], other[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the included ranges that were used to parse the syntax tree. */
  getIncludedRanges() {
    C._ts_tree_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
};
var finalizer3 = newFinalizer((address) => {
  C._ts_tree_cursor_delete_wasm(address);
});
var TreeCursor = class _TreeCursor {
  static {
    __name(this, "TreeCursor");
  }
  /** @internal */
  // @ts-expect-error: never read
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  // @ts-expect-error: never read
  [1] = 0;
  // Internal handle for Wasm
  /** @internal */
  // @ts-expect-error: never read
  [2] = 0;
  // Internal handle for Wasm
  /** @internal */
  // @ts-expect-error: never read
  [3] = 0;
  // Internal handle for Wasm
  /** @internal */
  tree;
  /** @internal */
  constructor(internal, tree) {
    assertInternal(internal);
    this.tree = tree;
    unmarshalTreeCursor(this);
    finalizer3?.register(this, this.tree[0], this);
  }
  /** Creates a deep copy of the tree cursor. This allocates new memory. */
  copy() {
    const copy = new _TreeCursor(INTERNAL, this.tree);
    C._ts_tree_cursor_copy_wasm(this.tree[0]);
    unmarshalTreeCursor(copy);
    return copy;
  }
  /** Delete the tree cursor, freeing its resources. */
  delete() {
    finalizer3?.unregister(this);
    marshalTreeCursor(this);
    C._ts_tree_cursor_delete_wasm(this.tree[0]);
    this[0] = this[1] = this[2] = 0;
  }
  /** Get the tree cursor's current {@link Node}. */
  get currentNode() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_current_node_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the numerical field id of this tree cursor's current node.
   *
   * See also {@link TreeCursor#currentFieldName}.
   */
  get currentFieldId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_field_id_wasm(this.tree[0]);
  }
  /** Get the field name of this tree cursor's current node. */
  get currentFieldName() {
    return this.tree.language.fields[this.currentFieldId];
  }
  /**
   * Get the depth of the cursor's current node relative to the original
   * node that the cursor was constructed with.
   */
  get currentDepth() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_depth_wasm(this.tree[0]);
  }
  /**
   * Get the index of the cursor's current node out of all of the
   * descendants of the original node that the cursor was constructed with.
   */
  get currentDescendantIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_descendant_index_wasm(this.tree[0]);
  }
  /** Get the type of the cursor's current node. */
  get nodeType() {
    return this.tree.language.types[this.nodeTypeId] || "ERROR";
  }
  /** Get the type id of the cursor's current node. */
  get nodeTypeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_type_id_wasm(this.tree[0]);
  }
  /** Get the state id of the cursor's current node. */
  get nodeStateId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_state_id_wasm(this.tree[0]);
  }
  /** Get the id of the cursor's current node. */
  get nodeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_id_wasm(this.tree[0]);
  }
  /**
   * Check if the cursor's current node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get nodeIsNamed() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if the cursor's current node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get nodeIsMissing() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Get the string content of the cursor's current node. */
  get nodeText() {
    marshalTreeCursor(this);
    const startIndex = C._ts_tree_cursor_start_index_wasm(this.tree[0]);
    const endIndex = C._ts_tree_cursor_end_index_wasm(this.tree[0]);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    const startPosition = unmarshalPoint(TRANSFER_BUFFER);
    return getText(this.tree, startIndex, endIndex, startPosition);
  }
  /** Get the start position of the cursor's current node. */
  get startPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the end position of the cursor's current node. */
  get endPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_end_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the start index of the cursor's current node. */
  get startIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_start_index_wasm(this.tree[0]);
  }
  /** Get the end index of the cursor's current node. */
  get endIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_end_index_wasm(this.tree[0]);
  }
  /**
   * Move this cursor to the first child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   */
  gotoFirstChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_first_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the last child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoFirstChild} because it needs to
   * iterate through all the children to compute the child's position.
   */
  gotoLastChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_last_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the parent of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no parent node (the cursor was already on the
   * root node).
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoParent() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_parent_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the next sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no next sibling node.
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoNextSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_next_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the previous sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no previous sibling node.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoNextSibling} due to how node
   * positions are stored. In the worst case, this will need to iterate
   * through all the children up to the previous sibling node to recalculate
   * its position. Also note that the node the cursor was constructed with is
   * considered the root of the cursor, and the cursor cannot walk outside this node.
   */
  gotoPreviousSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_previous_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move the cursor to the node that is the nth descendant of
   * the original node that the cursor was constructed with, where
   * zero represents the original node itself.
   */
  gotoDescendant(goalDescendantIndex) {
    marshalTreeCursor(this);
    C._ts_tree_cursor_goto_descendant_wasm(this.tree[0], goalDescendantIndex);
    unmarshalTreeCursor(this);
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given byte offset.
   *
   * This returns `true` if the cursor successfully moved to a child node, and returns
   * `false` if no such child was found.
   */
  gotoFirstChildForIndex(goalIndex) {
    marshalTreeCursor(this);
    C.setValue(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalIndex, "i32");
    const result = C._ts_tree_cursor_goto_first_child_for_index_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given byte offset.
   *
   * This returns the index of the child node if one was found, and returns
   * `null` if no such child was found.
   */
  gotoFirstChildForPosition(goalPosition) {
    marshalTreeCursor(this);
    marshalPoint(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalPosition);
    const result = C._ts_tree_cursor_goto_first_child_for_position_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Re-initialize this tree cursor to start at the original node that the
   * cursor was constructed with.
   */
  reset(node) {
    marshalNode(node);
    marshalTreeCursor(this, TRANSFER_BUFFER + SIZE_OF_NODE);
    C._ts_tree_cursor_reset_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
  }
  /**
   * Re-initialize a tree cursor to the same position as another cursor.
   *
   * Unlike {@link TreeCursor#reset}, this will not lose parent
   * information and allows reusing already created cursors.
   */
  resetTo(cursor) {
    marshalTreeCursor(this, TRANSFER_BUFFER);
    marshalTreeCursor(cursor, TRANSFER_BUFFER + SIZE_OF_CURSOR);
    C._ts_tree_cursor_reset_to_wasm(this.tree[0], cursor.tree[0]);
    unmarshalTreeCursor(this);
  }
};
var Node = class {
  static {
    __name(this, "Node");
  }
  /** @internal */
  // @ts-expect-error: never read
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  _children;
  /** @internal */
  _namedChildren;
  /** @internal */
  constructor(internal, {
    id,
    tree,
    startIndex,
    startPosition,
    other
  }) {
    assertInternal(internal);
    this[0] = other;
    this.id = id;
    this.tree = tree;
    this.startIndex = startIndex;
    this.startPosition = startPosition;
  }
  /**
   * The numeric id for this node that is unique.
   *
   * Within a given syntax tree, no two nodes have the same id. However:
   *
   * * If a new tree is created based on an older tree, and a node from the old tree is reused in
   *   the process, then that node will have the same id in both trees.
   *
   * * A node not marked as having changes does not guarantee it was reused.
   *
   * * If a node is marked as having changed in the old tree, it will not be reused.
   */
  id;
  /** The byte index where this node starts. */
  startIndex;
  /** The position where this node starts. */
  startPosition;
  /** The tree that this node belongs to. */
  tree;
  /** Get this node's type as a numerical id. */
  get typeId() {
    marshalNode(this);
    return C._ts_node_symbol_wasm(this.tree[0]);
  }
  /**
   * Get the node's type as a numerical id as it appears in the grammar,
   * ignoring aliases.
   */
  get grammarId() {
    marshalNode(this);
    return C._ts_node_grammar_symbol_wasm(this.tree[0]);
  }
  /** Get this node's type as a string. */
  get type() {
    return this.tree.language.types[this.typeId] || "ERROR";
  }
  /**
   * Get this node's symbol name as it appears in the grammar, ignoring
   * aliases as a string.
   */
  get grammarType() {
    return this.tree.language.types[this.grammarId] || "ERROR";
  }
  /**
   * Check if this node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get isNamed() {
    marshalNode(this);
    return C._ts_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *extra*.
   *
   * Extra nodes represent things like comments, which are not required
   * by the grammar, but can appear anywhere.
   */
  get isExtra() {
    marshalNode(this);
    return C._ts_node_is_extra_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error.
   *
   * Syntax errors represent parts of the code that could not be incorporated
   * into a valid syntax tree.
   */
  get isError() {
    marshalNode(this);
    return C._ts_node_is_error_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get isMissing() {
    marshalNode(this);
    return C._ts_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Check if this node has been edited. */
  get hasChanges() {
    marshalNode(this);
    return C._ts_node_has_changes_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error or contains any syntax
   * errors anywhere within it.
   */
  get hasError() {
    marshalNode(this);
    return C._ts_node_has_error_wasm(this.tree[0]) === 1;
  }
  /** Get the byte index where this node ends. */
  get endIndex() {
    marshalNode(this);
    return C._ts_node_end_index_wasm(this.tree[0]);
  }
  /** Get the position where this node ends. */
  get endPosition() {
    marshalNode(this);
    C._ts_node_end_point_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the string content of this node. */
  get text() {
    return getText(this.tree, this.startIndex, this.endIndex, this.startPosition);
  }
  /** Get this node's parse state. */
  get parseState() {
    marshalNode(this);
    return C._ts_node_parse_state_wasm(this.tree[0]);
  }
  /** Get the parse state after this node. */
  get nextParseState() {
    marshalNode(this);
    return C._ts_node_next_parse_state_wasm(this.tree[0]);
  }
  /** Check if this node is equal to another node. */
  equals(other) {
    return this.tree === other.tree && this.id === other.id;
  }
  /**
   * Get the node's child at the given index, where zero represents the first child.
   *
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#children} instead.
   */
  child(index) {
    marshalNode(this);
    C._ts_node_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's *named* child at the given index.
   *
   * See also {@link Node#isNamed}.
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#namedChildren} instead.
   */
  namedChild(index) {
    marshalNode(this);
    C._ts_node_named_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's child with the given numerical field id.
   *
   * See also {@link Node#childForFieldName}. You can
   * convert a field name to an id using {@link Language#fieldIdForName}.
   */
  childForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_child_by_field_id_wasm(this.tree[0], fieldId);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the first child with the given field name.
   *
   * If multiple children may have the same field name, access them using
   * {@link Node#childrenForFieldName}.
   */
  childForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1) return this.childForFieldId(fieldId);
    return null;
  }
  /** Get the field name of this node's child at the given index. */
  fieldNameForChild(index) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_child_wasm(this.tree[0], index);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /** Get the field name of this node's named child at the given index. */
  fieldNameForNamedChild(index) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_named_child_wasm(this.tree[0], index);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /**
   * Get an array of this node's children with a given field name.
   *
   * See also {@link Node#children}.
   */
  childrenForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1 && fieldId !== 0) return this.childrenForFieldId(fieldId);
    return [];
  }
  /**
    * Get an array of this node's children with a given field id.
    *
    * See also {@link Node#childrenForFieldName}.
    */
  childrenForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_children_by_field_id_wasm(this.tree[0], fieldId);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the node's first child that contains or starts after the given byte offset. */
  firstChildForIndex(index) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index, "i32");
    C._ts_node_first_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's first named child that contains or starts after the given byte offset. */
  firstNamedChildForIndex(index) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index, "i32");
    C._ts_node_first_named_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's number of children. */
  get childCount() {
    marshalNode(this);
    return C._ts_node_child_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's number of *named* children.
   *
   * See also {@link Node#isNamed}.
   */
  get namedChildCount() {
    marshalNode(this);
    return C._ts_node_named_child_count_wasm(this.tree[0]);
  }
  /** Get this node's first child. */
  get firstChild() {
    return this.child(0);
  }
  /**
   * Get this node's first named child.
   *
   * See also {@link Node#isNamed}.
   */
  get firstNamedChild() {
    return this.namedChild(0);
  }
  /** Get this node's last child. */
  get lastChild() {
    return this.child(this.childCount - 1);
  }
  /**
   * Get this node's last named child.
   *
   * See also {@link Node#isNamed}.
   */
  get lastNamedChild() {
    return this.namedChild(this.namedChildCount - 1);
  }
  /**
   * Iterate over this node's children.
   *
   * If you're walking the tree recursively, you may want to use the
   * {@link TreeCursor} APIs directly instead.
   */
  get children() {
    if (!this._children) {
      marshalNode(this);
      C._ts_node_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._children = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._children[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._children;
  }
  /**
   * Iterate over this node's named children.
   *
   * See also {@link Node#children}.
   */
  get namedChildren() {
    if (!this._namedChildren) {
      marshalNode(this);
      C._ts_node_named_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._namedChildren = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._namedChildren[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._namedChildren;
  }
  /**
   * Get the descendants of this node that are the given type, or in the given types array.
   *
   * The types array should contain node type strings, which can be retrieved from {@link Language#types}.
   *
   * Additionally, a `startPosition` and `endPosition` can be passed in to restrict the search to a byte range.
   */
  descendantsOfType(types, startPosition = ZERO_POINT, endPosition = ZERO_POINT) {
    if (!Array.isArray(types)) types = [types];
    const symbols = [];
    const typesBySymbol = this.tree.language.types;
    for (const node_type of types) {
      if (node_type == "ERROR") {
        symbols.push(65535);
      }
    }
    for (let i2 = 0, n = typesBySymbol.length; i2 < n; i2++) {
      if (types.includes(typesBySymbol[i2])) {
        symbols.push(i2);
      }
    }
    const symbolsAddress = C._malloc(SIZE_OF_INT * symbols.length);
    for (let i2 = 0, n = symbols.length; i2 < n; i2++) {
      C.setValue(symbolsAddress + i2 * SIZE_OF_INT, symbols[i2], "i32");
    }
    marshalNode(this);
    C._ts_node_descendants_of_type_wasm(
      this.tree[0],
      symbolsAddress,
      symbols.length,
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column
    );
    const descendantCount = C.getValue(TRANSFER_BUFFER, "i32");
    const descendantAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(descendantCount);
    if (descendantCount > 0) {
      let address = descendantAddress;
      for (let i2 = 0; i2 < descendantCount; i2++) {
        result[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
    }
    C._free(descendantAddress);
    C._free(symbolsAddress);
    return result;
  }
  /** Get this node's next sibling. */
  get nextSibling() {
    marshalNode(this);
    C._ts_node_next_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's previous sibling. */
  get previousSibling() {
    marshalNode(this);
    C._ts_node_prev_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's next *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get nextNamedSibling() {
    marshalNode(this);
    C._ts_node_next_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's previous *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get previousNamedSibling() {
    marshalNode(this);
    C._ts_node_prev_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's number of descendants, including one for the node itself. */
  get descendantCount() {
    marshalNode(this);
    return C._ts_node_descendant_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's immediate parent.
   * Prefer {@link Node#childWithDescendant} for iterating over this node's ancestors.
   */
  get parent() {
    marshalNode(this);
    C._ts_node_parent_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the node that contains `descendant`.
   *
   * Note that this can return `descendant` itself.
   */
  childWithDescendant(descendant) {
    marshalNode(this);
    marshalNode(descendant, 1);
    C._ts_node_child_with_descendant_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given byte range. */
  descendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given byte range. */
  namedDescendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_named_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given point range. */
  descendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given point range. */
  namedDescendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_named_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Create a new {@link TreeCursor} starting from this node.
   *
   * Note that the given node is considered the root of the cursor,
   * and the cursor cannot walk outside this node.
   */
  walk() {
    marshalNode(this);
    C._ts_tree_cursor_new_wasm(this.tree[0]);
    return new TreeCursor(INTERNAL, this.tree);
  }
  /**
   * Edit this node to keep it in-sync with source code that has been edited.
   *
   * This function is only rarely needed. When you edit a syntax tree with
   * the {@link Tree#edit} method, all of the nodes that you retrieve from
   * the tree afterward will already reflect the edit. You only need to
   * use {@link Node#edit} when you have a specific {@link Node} instance that
   * you want to keep and continue to use after an edit.
   */
  edit(edit) {
    if (this.startIndex >= edit.oldEndIndex) {
      this.startIndex = edit.newEndIndex + (this.startIndex - edit.oldEndIndex);
      let subbedPointRow;
      let subbedPointColumn;
      if (this.startPosition.row > edit.oldEndPosition.row) {
        subbedPointRow = this.startPosition.row - edit.oldEndPosition.row;
        subbedPointColumn = this.startPosition.column;
      } else {
        subbedPointRow = 0;
        subbedPointColumn = this.startPosition.column;
        if (this.startPosition.column >= edit.oldEndPosition.column) {
          subbedPointColumn = this.startPosition.column - edit.oldEndPosition.column;
        }
      }
      if (subbedPointRow > 0) {
        this.startPosition.row += subbedPointRow;
        this.startPosition.column = subbedPointColumn;
      } else {
        this.startPosition.column += subbedPointColumn;
      }
    } else if (this.startIndex > edit.startIndex) {
      this.startIndex = edit.newEndIndex;
      this.startPosition.row = edit.newEndPosition.row;
      this.startPosition.column = edit.newEndPosition.column;
    }
  }
  /** Get the S-expression representation of this node. */
  toString() {
    marshalNode(this);
    const address = C._ts_node_to_string_wasm(this.tree[0]);
    const result = C.AsciiToString(address);
    C._free(address);
    return result;
  }
};
function unmarshalCaptures(query, tree, address, patternIndex, result) {
  for (let i2 = 0, n = result.length; i2 < n; i2++) {
    const captureIndex = C.getValue(address, "i32");
    address += SIZE_OF_INT;
    const node = unmarshalNode(tree, address);
    address += SIZE_OF_NODE;
    result[i2] = { patternIndex, name: query.captureNames[captureIndex], node };
  }
  return address;
}
__name(unmarshalCaptures, "unmarshalCaptures");
function marshalNode(node, index = 0) {
  let address = TRANSFER_BUFFER + index * SIZE_OF_NODE;
  C.setValue(address, node.id, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.row, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.column, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node[0], "i32");
}
__name(marshalNode, "marshalNode");
function unmarshalNode(tree, address = TRANSFER_BUFFER) {
  const id = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  if (id === 0) return null;
  const index = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const row = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const column = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const other = C.getValue(address, "i32");
  const result = new Node(INTERNAL, {
    id,
    tree,
    startIndex: index,
    startPosition: { row, column },
    other
  });
  return result;
}
__name(unmarshalNode, "unmarshalNode");
function marshalTreeCursor(cursor, address = TRANSFER_BUFFER) {
  C.setValue(address + 0 * SIZE_OF_INT, cursor[0], "i32");
  C.setValue(address + 1 * SIZE_OF_INT, cursor[1], "i32");
  C.setValue(address + 2 * SIZE_OF_INT, cursor[2], "i32");
  C.setValue(address + 3 * SIZE_OF_INT, cursor[3], "i32");
}
__name(marshalTreeCursor, "marshalTreeCursor");
function unmarshalTreeCursor(cursor) {
  cursor[0] = C.getValue(TRANSFER_BUFFER + 0 * SIZE_OF_INT, "i32");
  cursor[1] = C.getValue(TRANSFER_BUFFER + 1 * SIZE_OF_INT, "i32");
  cursor[2] = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
  cursor[3] = C.getValue(TRANSFER_BUFFER + 3 * SIZE_OF_INT, "i32");
}
__name(unmarshalTreeCursor, "unmarshalTreeCursor");
function marshalPoint(address, point) {
  C.setValue(address, point.row, "i32");
  C.setValue(address + SIZE_OF_INT, point.column, "i32");
}
__name(marshalPoint, "marshalPoint");
function unmarshalPoint(address) {
  const result = {
    row: C.getValue(address, "i32") >>> 0,
    column: C.getValue(address + SIZE_OF_INT, "i32") >>> 0
  };
  return result;
}
__name(unmarshalPoint, "unmarshalPoint");
function marshalRange(address, range) {
  marshalPoint(address, range.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, range.endPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, range.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, range.endIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalRange, "marshalRange");
function unmarshalRange(address) {
  const result = {};
  result.startPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.endPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.startIndex = C.getValue(address, "i32") >>> 0;
  address += SIZE_OF_INT;
  result.endIndex = C.getValue(address, "i32") >>> 0;
  return result;
}
__name(unmarshalRange, "unmarshalRange");
function marshalEdit(edit, address = TRANSFER_BUFFER) {
  marshalPoint(address, edit.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.oldEndPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.newEndPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, edit.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.oldEndIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.newEndIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalEdit, "marshalEdit");
function unmarshalLanguageMetadata(address) {
  const major_version = C.getValue(address, "i32");
  const minor_version = C.getValue(address += SIZE_OF_INT, "i32");
  const patch_version = C.getValue(address += SIZE_OF_INT, "i32");
  return { major_version, minor_version, patch_version };
}
__name(unmarshalLanguageMetadata, "unmarshalLanguageMetadata");
var LANGUAGE_FUNCTION_REGEX = /^tree_sitter_\w+$/;
var Language = class _Language {
  static {
    __name(this, "Language");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /**
   * A list of all node types in the language. The index of each type in this
   * array is its node type id.
   */
  types;
  /**
   * A list of all field names in the language. The index of each field name in
   * this array is its field id.
   */
  fields;
  /** @internal */
  constructor(internal, address) {
    assertInternal(internal);
    this[0] = address;
    this.types = new Array(C._ts_language_symbol_count(this[0]));
    for (let i2 = 0, n = this.types.length; i2 < n; i2++) {
      if (C._ts_language_symbol_type(this[0], i2) < 2) {
        this.types[i2] = C.UTF8ToString(C._ts_language_symbol_name(this[0], i2));
      }
    }
    this.fields = new Array(C._ts_language_field_count(this[0]) + 1);
    for (let i2 = 0, n = this.fields.length; i2 < n; i2++) {
      const fieldName = C._ts_language_field_name_for_id(this[0], i2);
      if (fieldName !== 0) {
        this.fields[i2] = C.UTF8ToString(fieldName);
      } else {
        this.fields[i2] = null;
      }
    }
  }
  /**
   * Gets the name of the language.
   */
  get name() {
    const ptr = C._ts_language_name(this[0]);
    if (ptr === 0) return null;
    return C.UTF8ToString(ptr);
  }
  /**
   * Gets the ABI version of the language.
   */
  get abiVersion() {
    return C._ts_language_abi_version(this[0]);
  }
  /**
  * Get the metadata for this language. This information is generated by the
  * CLI, and relies on the language author providing the correct metadata in
  * the language's `tree-sitter.json` file.
  */
  get metadata() {
    C._ts_language_metadata_wasm(this[0]);
    const length = C.getValue(TRANSFER_BUFFER, "i32");
    if (length === 0) return null;
    return unmarshalLanguageMetadata(TRANSFER_BUFFER + SIZE_OF_INT);
  }
  /**
   * Gets the number of fields in the language.
   */
  get fieldCount() {
    return this.fields.length - 1;
  }
  /**
   * Gets the number of states in the language.
   */
  get stateCount() {
    return C._ts_language_state_count(this[0]);
  }
  /**
   * Get the field id for a field name.
   */
  fieldIdForName(fieldName) {
    const result = this.fields.indexOf(fieldName);
    return result !== -1 ? result : null;
  }
  /**
   * Get the field name for a field id.
   */
  fieldNameForId(fieldId) {
    return this.fields[fieldId] ?? null;
  }
  /**
   * Get the node type id for a node type name.
   */
  idForNodeType(type, named) {
    const typeLength = C.lengthBytesUTF8(type);
    const typeAddress = C._malloc(typeLength + 1);
    C.stringToUTF8(type, typeAddress, typeLength + 1);
    const result = C._ts_language_symbol_for_name(this[0], typeAddress, typeLength, named ? 1 : 0);
    C._free(typeAddress);
    return result || null;
  }
  /**
   * Gets the number of node types in the language.
   */
  get nodeTypeCount() {
    return C._ts_language_symbol_count(this[0]);
  }
  /**
   * Get the node type name for a node type id.
   */
  nodeTypeForId(typeId) {
    const name2 = C._ts_language_symbol_name(this[0], typeId);
    return name2 ? C.UTF8ToString(name2) : null;
  }
  /**
   * Check if a node type is named.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/2-basic-parsing.html#named-vs-anonymous-nodes}
   */
  nodeTypeIsNamed(typeId) {
    return C._ts_language_type_is_named_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Check if a node type is visible.
   */
  nodeTypeIsVisible(typeId) {
    return C._ts_language_type_is_visible_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Get the supertypes ids of this language.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/6-static-node-types.html?highlight=supertype#supertype-nodes}
   */
  get supertypes() {
    C._ts_language_supertypes_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the subtype ids for a given supertype node id.
   */
  subtypes(supertype) {
    C._ts_language_subtypes_wasm(this[0], supertype);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the next state id for a given state id and node type id.
   */
  nextState(stateId, typeId) {
    return C._ts_language_next_state(this[0], stateId, typeId);
  }
  /**
   * Create a new lookahead iterator for this language and parse state.
   *
   * This returns `null` if state is invalid for this language.
   *
   * Iterating {@link LookaheadIterator} will yield valid symbols in the given
   * parse state. A newly created iterator is not positioned on a symbol, so
   * {@link LookaheadIterator#currentType} returns `null` until the first
   * iteration step.
   *
   * Lookahead iterators can be useful for generating suggestions and improving
   * syntax error diagnostics. To get symbols valid in an `ERROR` node, use the
   * lookahead iterator on its first leaf node state. For `MISSING` nodes, a
   * lookahead iterator created on the previous non-extra leaf node may be
   * appropriate.
   */
  lookaheadIterator(stateId) {
    const address = C._ts_lookahead_iterator_new(this[0], stateId);
    if (address) return new LookaheadIterator(INTERNAL, address, this);
    return null;
  }
  /**
   * Load a language from a WebAssembly module.
   * The module can be provided as a path to a file, a `URL` to a file, or as a
   * buffer.
   */
  static async load(input) {
    let binary2;
    if (input instanceof Uint8Array) {
      binary2 = input;
    } else if (globalThis.process?.versions.node) {
      const fs2 = await import("fs/promises");
      binary2 = await fs2.readFile(input);
    } else {
      const response = await fetch(input);
      if (!response.ok) {
        const body2 = await response.text();
        throw new Error(`Language.load failed with status ${response.status}.

${body2}`);
      }
      const retryResp = response.clone();
      try {
        binary2 = await WebAssembly.compileStreaming(response);
      } catch (reason) {
        console.error("wasm streaming compile failed:", reason);
        console.error("falling back to ArrayBuffer instantiation");
        binary2 = new Uint8Array(await retryResp.arrayBuffer());
      }
    }
    const mod = await C.loadWebAssemblyModule(binary2, { loadAsync: true });
    return _Language.loadFromWasmExports(mod, { sync: false });
  }
  static loadFromWasmExports(mod, { sync }) {
    const symbolNames = Object.keys(mod);
    const functionName = symbolNames.find((key) => LANGUAGE_FUNCTION_REGEX.test(key) && !key.includes("external_scanner_"));
    if (!functionName) {
      console.log(`Couldn't find language function in Wasm file. Symbols:
${JSON.stringify(symbolNames, null, 2)}`);
      throw new Error(`Language.${sync ? "loadSync" : "load"} failed: no language function found in Wasm file`);
    }
    const languageAddress = mod[functionName]();
    return new _Language(INTERNAL, languageAddress);
  }
  /**
   * Load a language synchronously from a pre-compiled WebAssembly module.
   * Use this when the host environment provides a `WebAssembly.Module` directly.
   */
  static loadSync(wasmModule) {
    const mod = C.loadWebAssemblyModule(wasmModule, { loadAsync: false });
    return _Language.loadFromWasmExports(mod, { sync: true });
  }
};
async function Module2(moduleArg = {}) {
  var moduleRtn;
  var Module = moduleArg;
  var ENVIRONMENT_IS_WEB = typeof window == "object";
  var ENVIRONMENT_IS_WORKER = typeof WorkerGlobalScope != "undefined";
  var ENVIRONMENT_IS_NODE = typeof process == "object" && process.versions?.node && process.type != "renderer";
  if (ENVIRONMENT_IS_NODE) {
    const { createRequire: createRequire2 } = await import("module");
    var require = createRequire2(import.meta.url);
  }
  Module.currentQueryProgressCallback = null;
  Module.currentProgressCallback = null;
  Module.currentLogCallback = null;
  Module.currentParseCallback = null;
  var arguments_ = [];
  var thisProgram = "./this.program";
  var quit_ = /* @__PURE__ */ __name((status, toThrow) => {
    throw toThrow;
  }, "quit_");
  var _scriptName = import.meta.url;
  var scriptDirectory = "";
  function locateFile(path) {
    if (Module["locateFile"]) {
      return Module["locateFile"](path, scriptDirectory);
    }
    return scriptDirectory + path;
  }
  __name(locateFile, "locateFile");
  var readAsync, readBinary;
  if (ENVIRONMENT_IS_NODE) {
    var fs = require("fs");
    if (_scriptName.startsWith("file:")) {
      scriptDirectory = require("path").dirname(require("url").fileURLToPath(_scriptName)) + "/";
    }
    readBinary = /* @__PURE__ */ __name((filename) => {
      filename = isFileURI(filename) ? new URL(filename) : filename;
      var ret = fs.readFileSync(filename);
      return ret;
    }, "readBinary");
    readAsync = /* @__PURE__ */ __name(async (filename, binary2 = true) => {
      filename = isFileURI(filename) ? new URL(filename) : filename;
      var ret = fs.readFileSync(filename, binary2 ? void 0 : "utf8");
      return ret;
    }, "readAsync");
    if (process.argv.length > 1) {
      thisProgram = process.argv[1].replace(/\\/g, "/");
    }
    arguments_ = process.argv.slice(2);
    quit_ = /* @__PURE__ */ __name((status, toThrow) => {
      process.exitCode = status;
      throw toThrow;
    }, "quit_");
  } else if (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER) {
    try {
      scriptDirectory = new URL(".", _scriptName).href;
    } catch {
    }
    {
      if (ENVIRONMENT_IS_WORKER) {
        readBinary = /* @__PURE__ */ __name((url) => {
          var xhr = new XMLHttpRequest();
          xhr.open("GET", url, false);
          xhr.responseType = "arraybuffer";
          xhr.send(null);
          return new Uint8Array(
            /** @type{!ArrayBuffer} */
            xhr.response
          );
        }, "readBinary");
      }
      readAsync = /* @__PURE__ */ __name(async (url) => {
        if (isFileURI(url)) {
          return new Promise((resolve, reject) => {
            var xhr = new XMLHttpRequest();
            xhr.open("GET", url, true);
            xhr.responseType = "arraybuffer";
            xhr.onload = () => {
              if (xhr.status == 200 || xhr.status == 0 && xhr.response) {
                resolve(xhr.response);
                return;
              }
              reject(xhr.status);
            };
            xhr.onerror = reject;
            xhr.send(null);
          });
        }
        var response = await fetch(url, {
          credentials: "same-origin"
        });
        if (response.ok) {
          return response.arrayBuffer();
        }
        throw new Error(response.status + " : " + response.url);
      }, "readAsync");
    }
  } else {
  }
  var out = console.log.bind(console);
  var err = console.error.bind(console);
  var dynamicLibraries = [];
  var wasmBinary;
  var ABORT = false;
  var EXITSTATUS;
  var isFileURI = /* @__PURE__ */ __name((filename) => filename.startsWith("file://"), "isFileURI");
  var readyPromiseResolve, readyPromiseReject;
  var wasmMemory;
  var HEAP8, HEAPU8, HEAP16, HEAPU16, HEAP32, HEAPU32, HEAPF32, HEAPF64;
  var HEAP64, HEAPU64;
  var HEAP_DATA_VIEW;
  var runtimeInitialized = false;
  function updateMemoryViews() {
    var b = wasmMemory.buffer;
    Module["HEAP8"] = HEAP8 = new Int8Array(b);
    Module["HEAP16"] = HEAP16 = new Int16Array(b);
    Module["HEAPU8"] = HEAPU8 = new Uint8Array(b);
    Module["HEAPU16"] = HEAPU16 = new Uint16Array(b);
    Module["HEAP32"] = HEAP32 = new Int32Array(b);
    Module["HEAPU32"] = HEAPU32 = new Uint32Array(b);
    Module["HEAPF32"] = HEAPF32 = new Float32Array(b);
    Module["HEAPF64"] = HEAPF64 = new Float64Array(b);
    Module["HEAP64"] = HEAP64 = new BigInt64Array(b);
    Module["HEAPU64"] = HEAPU64 = new BigUint64Array(b);
    Module["HEAP_DATA_VIEW"] = HEAP_DATA_VIEW = new DataView(b);
    LE_HEAP_UPDATE();
  }
  __name(updateMemoryViews, "updateMemoryViews");
  function initMemory() {
    if (Module["wasmMemory"]) {
      wasmMemory = Module["wasmMemory"];
    } else {
      var INITIAL_MEMORY = Module["INITIAL_MEMORY"] || 33554432;
      wasmMemory = new WebAssembly.Memory({
        "initial": INITIAL_MEMORY / 65536,
        // In theory we should not need to emit the maximum if we want "unlimited"
        // or 4GB of memory, but VMs error on that atm, see
        // https://github.com/emscripten-core/emscripten/issues/14130
        // And in the pthreads case we definitely need to emit a maximum. So
        // always emit one.
        "maximum": 32768
      });
    }
    updateMemoryViews();
  }
  __name(initMemory, "initMemory");
  var __RELOC_FUNCS__ = [];
  function preRun() {
    if (Module["preRun"]) {
      if (typeof Module["preRun"] == "function") Module["preRun"] = [Module["preRun"]];
      while (Module["preRun"].length) {
        addOnPreRun(Module["preRun"].shift());
      }
    }
    callRuntimeCallbacks(onPreRuns);
  }
  __name(preRun, "preRun");
  function initRuntime() {
    runtimeInitialized = true;
    callRuntimeCallbacks(__RELOC_FUNCS__);
    wasmExports["__wasm_call_ctors"]();
    callRuntimeCallbacks(onPostCtors);
  }
  __name(initRuntime, "initRuntime");
  function preMain() {
  }
  __name(preMain, "preMain");
  function postRun() {
    if (Module["postRun"]) {
      if (typeof Module["postRun"] == "function") Module["postRun"] = [Module["postRun"]];
      while (Module["postRun"].length) {
        addOnPostRun(Module["postRun"].shift());
      }
    }
    callRuntimeCallbacks(onPostRuns);
  }
  __name(postRun, "postRun");
  function abort(what) {
    Module["onAbort"]?.(what);
    what = "Aborted(" + what + ")";
    err(what);
    ABORT = true;
    what += ". Build with -sASSERTIONS for more info.";
    var e = new WebAssembly.RuntimeError(what);
    readyPromiseReject?.(e);
    throw e;
  }
  __name(abort, "abort");
  var wasmBinaryFile;
  function findWasmBinary() {
    if (Module["locateFile"]) {
      return locateFile("web-tree-sitter.wasm");
    }
    return new URL("web-tree-sitter.wasm", import.meta.url).href;
  }
  __name(findWasmBinary, "findWasmBinary");
  function getBinarySync(file) {
    if (file == wasmBinaryFile && wasmBinary) {
      return new Uint8Array(wasmBinary);
    }
    if (readBinary) {
      return readBinary(file);
    }
    throw "both async and sync fetching of the wasm failed";
  }
  __name(getBinarySync, "getBinarySync");
  async function getWasmBinary(binaryFile) {
    if (!wasmBinary) {
      try {
        var response = await readAsync(binaryFile);
        return new Uint8Array(response);
      } catch {
      }
    }
    return getBinarySync(binaryFile);
  }
  __name(getWasmBinary, "getWasmBinary");
  async function instantiateArrayBuffer(binaryFile, imports) {
    try {
      var binary2 = await getWasmBinary(binaryFile);
      var instance2 = await WebAssembly.instantiate(binary2, imports);
      return instance2;
    } catch (reason) {
      err(`failed to asynchronously prepare wasm: ${reason}`);
      abort(reason);
    }
  }
  __name(instantiateArrayBuffer, "instantiateArrayBuffer");
  async function instantiateAsync(binary2, binaryFile, imports) {
    if (!binary2 && !isFileURI(binaryFile) && !ENVIRONMENT_IS_NODE) {
      try {
        var response = fetch(binaryFile, {
          credentials: "same-origin"
        });
        var instantiationResult = await WebAssembly.instantiateStreaming(response, imports);
        return instantiationResult;
      } catch (reason) {
        err(`wasm streaming compile failed: ${reason}`);
        err("falling back to ArrayBuffer instantiation");
      }
    }
    return instantiateArrayBuffer(binaryFile, imports);
  }
  __name(instantiateAsync, "instantiateAsync");
  function getWasmImports() {
    return {
      "env": wasmImports,
      "wasi_snapshot_preview1": wasmImports,
      "GOT.mem": new Proxy(wasmImports, GOTHandler),
      "GOT.func": new Proxy(wasmImports, GOTHandler)
    };
  }
  __name(getWasmImports, "getWasmImports");
  async function createWasm() {
    function receiveInstance(instance2, module2) {
      wasmExports = instance2.exports;
      wasmExports = relocateExports(wasmExports, 1024);
      var metadata2 = getDylinkMetadata(module2);
      if (metadata2.neededDynlibs) {
        dynamicLibraries = metadata2.neededDynlibs.concat(dynamicLibraries);
      }
      mergeLibSymbols(wasmExports, "main");
      LDSO.init();
      loadDylibs();
      __RELOC_FUNCS__.push(wasmExports["__wasm_apply_data_relocs"]);
      assignWasmExports(wasmExports);
      return wasmExports;
    }
    __name(receiveInstance, "receiveInstance");
    function receiveInstantiationResult(result2) {
      return receiveInstance(result2["instance"], result2["module"]);
    }
    __name(receiveInstantiationResult, "receiveInstantiationResult");
    var info2 = getWasmImports();
    if (Module["instantiateWasm"]) {
      return new Promise((resolve, reject) => {
        Module["instantiateWasm"](info2, (mod, inst) => {
          resolve(receiveInstance(mod, inst));
        });
      });
    }
    wasmBinaryFile ??= findWasmBinary();
    var result = await instantiateAsync(wasmBinary, wasmBinaryFile, info2);
    var exports = receiveInstantiationResult(result);
    return exports;
  }
  __name(createWasm, "createWasm");
  class ExitStatus {
    static {
      __name(this, "ExitStatus");
    }
    name = "ExitStatus";
    constructor(status) {
      this.message = `Program terminated with exit(${status})`;
      this.status = status;
    }
  }
  var GOT = {};
  var currentModuleWeakSymbols = /* @__PURE__ */ new Set([]);
  var GOTHandler = {
    get(obj, symName) {
      var rtn = GOT[symName];
      if (!rtn) {
        rtn = GOT[symName] = new WebAssembly.Global({
          "value": "i32",
          "mutable": true
        });
      }
      if (!currentModuleWeakSymbols.has(symName)) {
        rtn.required = true;
      }
      return rtn;
    }
  };
  var LE_ATOMICS_NATIVE_BYTE_ORDER = [];
  var LE_HEAP_LOAD_F32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat32(byteOffset, true), "LE_HEAP_LOAD_F32");
  var LE_HEAP_LOAD_F64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat64(byteOffset, true), "LE_HEAP_LOAD_F64");
  var LE_HEAP_LOAD_I16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt16(byteOffset, true), "LE_HEAP_LOAD_I16");
  var LE_HEAP_LOAD_I32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt32(byteOffset, true), "LE_HEAP_LOAD_I32");
  var LE_HEAP_LOAD_I64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getBigInt64(byteOffset, true), "LE_HEAP_LOAD_I64");
  var LE_HEAP_LOAD_U32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint32(byteOffset, true), "LE_HEAP_LOAD_U32");
  var LE_HEAP_STORE_F32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat32(byteOffset, value, true), "LE_HEAP_STORE_F32");
  var LE_HEAP_STORE_F64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat64(byteOffset, value, true), "LE_HEAP_STORE_F64");
  var LE_HEAP_STORE_I16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt16(byteOffset, value, true), "LE_HEAP_STORE_I16");
  var LE_HEAP_STORE_I32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt32(byteOffset, value, true), "LE_HEAP_STORE_I32");
  var LE_HEAP_STORE_I64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setBigInt64(byteOffset, value, true), "LE_HEAP_STORE_I64");
  var LE_HEAP_STORE_U32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint32(byteOffset, value, true), "LE_HEAP_STORE_U32");
  var callRuntimeCallbacks = /* @__PURE__ */ __name((callbacks) => {
    while (callbacks.length > 0) {
      callbacks.shift()(Module);
    }
  }, "callRuntimeCallbacks");
  var onPostRuns = [];
  var addOnPostRun = /* @__PURE__ */ __name((cb) => onPostRuns.push(cb), "addOnPostRun");
  var onPreRuns = [];
  var addOnPreRun = /* @__PURE__ */ __name((cb) => onPreRuns.push(cb), "addOnPreRun");
  var UTF8Decoder = typeof TextDecoder != "undefined" ? new TextDecoder() : void 0;
  var findStringEnd = /* @__PURE__ */ __name((heapOrArray, idx, maxBytesToRead, ignoreNul) => {
    var maxIdx = idx + maxBytesToRead;
    if (ignoreNul) return maxIdx;
    while (heapOrArray[idx] && !(idx >= maxIdx)) ++idx;
    return idx;
  }, "findStringEnd");
  var UTF8ArrayToString = /* @__PURE__ */ __name((heapOrArray, idx = 0, maxBytesToRead, ignoreNul) => {
    var endPtr = findStringEnd(heapOrArray, idx, maxBytesToRead, ignoreNul);
    if (endPtr - idx > 16 && heapOrArray.buffer && UTF8Decoder) {
      return UTF8Decoder.decode(heapOrArray.subarray(idx, endPtr));
    }
    var str2 = "";
    while (idx < endPtr) {
      var u0 = heapOrArray[idx++];
      if (!(u0 & 128)) {
        str2 += String.fromCharCode(u0);
        continue;
      }
      var u1 = heapOrArray[idx++] & 63;
      if ((u0 & 224) == 192) {
        str2 += String.fromCharCode((u0 & 31) << 6 | u1);
        continue;
      }
      var u2 = heapOrArray[idx++] & 63;
      if ((u0 & 240) == 224) {
        u0 = (u0 & 15) << 12 | u1 << 6 | u2;
      } else {
        u0 = (u0 & 7) << 18 | u1 << 12 | u2 << 6 | heapOrArray[idx++] & 63;
      }
      if (u0 < 65536) {
        str2 += String.fromCharCode(u0);
      } else {
        var ch = u0 - 65536;
        str2 += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
      }
    }
    return str2;
  }, "UTF8ArrayToString");
  var getDylinkMetadata = /* @__PURE__ */ __name((binary2) => {
    var offset = 0;
    var end = 0;
    function getU8() {
      return binary2[offset++];
    }
    __name(getU8, "getU8");
    function getLEB() {
      var ret = 0;
      var mul = 1;
      while (1) {
        var byte = binary2[offset++];
        ret += (byte & 127) * mul;
        mul *= 128;
        if (!(byte & 128)) break;
      }
      return ret;
    }
    __name(getLEB, "getLEB");
    function getString() {
      var len = getLEB();
      offset += len;
      return UTF8ArrayToString(binary2, offset - len, len);
    }
    __name(getString, "getString");
    function getStringList() {
      var count2 = getLEB();
      var rtn = [];
      while (count2--) rtn.push(getString());
      return rtn;
    }
    __name(getStringList, "getStringList");
    function failIf(condition, message) {
      if (condition) throw new Error(message);
    }
    __name(failIf, "failIf");
    if (binary2 instanceof WebAssembly.Module) {
      var dylinkSection = WebAssembly.Module.customSections(binary2, "dylink.0");
      failIf(dylinkSection.length === 0, "need dylink section");
      binary2 = new Uint8Array(dylinkSection[0]);
      end = binary2.length;
    } else {
      var int32View = new Uint32Array(new Uint8Array(binary2.subarray(0, 24)).buffer);
      var magicNumberFound = int32View[0] == 1836278016 || int32View[0] == 6386541;
      failIf(!magicNumberFound, "need to see wasm magic number");
      failIf(binary2[8] !== 0, "need the dylink section to be first");
      offset = 9;
      var section_size = getLEB();
      end = offset + section_size;
      var name2 = getString();
      failIf(name2 !== "dylink.0");
    }
    var customSection = {
      neededDynlibs: [],
      tlsExports: /* @__PURE__ */ new Set(),
      weakImports: /* @__PURE__ */ new Set(),
      runtimePaths: []
    };
    var WASM_DYLINK_MEM_INFO = 1;
    var WASM_DYLINK_NEEDED = 2;
    var WASM_DYLINK_EXPORT_INFO = 3;
    var WASM_DYLINK_IMPORT_INFO = 4;
    var WASM_DYLINK_RUNTIME_PATH = 5;
    var WASM_SYMBOL_TLS = 256;
    var WASM_SYMBOL_BINDING_MASK = 3;
    var WASM_SYMBOL_BINDING_WEAK = 1;
    while (offset < end) {
      var subsectionType = getU8();
      var subsectionSize = getLEB();
      if (subsectionType === WASM_DYLINK_MEM_INFO) {
        customSection.memorySize = getLEB();
        customSection.memoryAlign = getLEB();
        customSection.tableSize = getLEB();
        customSection.tableAlign = getLEB();
      } else if (subsectionType === WASM_DYLINK_NEEDED) {
        customSection.neededDynlibs = getStringList();
      } else if (subsectionType === WASM_DYLINK_EXPORT_INFO) {
        var count = getLEB();
        while (count--) {
          var symname = getString();
          var flags2 = getLEB();
          if (flags2 & WASM_SYMBOL_TLS) {
            customSection.tlsExports.add(symname);
          }
        }
      } else if (subsectionType === WASM_DYLINK_IMPORT_INFO) {
        var count = getLEB();
        while (count--) {
          var modname = getString();
          var symname = getString();
          var flags2 = getLEB();
          if ((flags2 & WASM_SYMBOL_BINDING_MASK) == WASM_SYMBOL_BINDING_WEAK) {
            customSection.weakImports.add(symname);
          }
        }
      } else if (subsectionType === WASM_DYLINK_RUNTIME_PATH) {
        customSection.runtimePaths = getStringList();
      } else {
        offset += subsectionSize;
      }
    }
    return customSection;
  }, "getDylinkMetadata");
  function getValue(ptr, type = "i8") {
    if (type.endsWith("*")) type = "*";
    switch (type) {
      case "i1":
        return HEAP8[ptr];
      case "i8":
        return HEAP8[ptr];
      case "i16":
        return LE_HEAP_LOAD_I16((ptr >> 1) * 2);
      case "i32":
        return LE_HEAP_LOAD_I32((ptr >> 2) * 4);
      case "i64":
        return LE_HEAP_LOAD_I64((ptr >> 3) * 8);
      case "float":
        return LE_HEAP_LOAD_F32((ptr >> 2) * 4);
      case "double":
        return LE_HEAP_LOAD_F64((ptr >> 3) * 8);
      case "*":
        return LE_HEAP_LOAD_U32((ptr >> 2) * 4);
      default:
        abort(`invalid type for getValue: ${type}`);
    }
  }
  __name(getValue, "getValue");
  var newDSO = /* @__PURE__ */ __name((name2, handle2, syms) => {
    var dso = {
      refcount: Infinity,
      name: name2,
      exports: syms,
      global: true
    };
    LDSO.loadedLibsByName[name2] = dso;
    if (handle2 != void 0) {
      LDSO.loadedLibsByHandle[handle2] = dso;
    }
    return dso;
  }, "newDSO");
  var LDSO = {
    loadedLibsByName: {},
    loadedLibsByHandle: {},
    init() {
      newDSO("__main__", 0, wasmImports);
    }
  };
  var ___heap_base = 82240;
  var alignMemory = /* @__PURE__ */ __name((size, alignment) => Math.ceil(size / alignment) * alignment, "alignMemory");
  var getMemory = /* @__PURE__ */ __name((size) => {
    if (runtimeInitialized) {
      return _calloc(size, 1);
    }
    var ret = ___heap_base;
    var end = ret + alignMemory(size, 16);
    ___heap_base = end;
    GOT["__heap_base"].value = end;
    return ret;
  }, "getMemory");
  var isInternalSym = /* @__PURE__ */ __name((symName) => ["__cpp_exception", "__c_longjmp", "__wasm_apply_data_relocs", "__dso_handle", "__tls_size", "__tls_align", "__set_stack_limits", "_emscripten_tls_init", "__wasm_init_tls", "__wasm_call_ctors", "__start_em_asm", "__stop_em_asm", "__start_em_js", "__stop_em_js"].includes(symName) || symName.startsWith("__em_js__"), "isInternalSym");
  var uleb128EncodeWithLen = /* @__PURE__ */ __name((arr) => {
    const n = arr.length;
    return [n % 128 | 128, n >> 7, ...arr];
  }, "uleb128EncodeWithLen");
  var wasmTypeCodes = {
    "i": 127,
    // i32
    "p": 127,
    // i32
    "j": 126,
    // i64
    "f": 125,
    // f32
    "d": 124,
    // f64
    "e": 111
  };
  var generateTypePack = /* @__PURE__ */ __name((types) => uleb128EncodeWithLen(Array.from(types, (type) => {
    var code = wasmTypeCodes[type];
    return code;
  })), "generateTypePack");
  var convertJsFunctionToWasm = /* @__PURE__ */ __name((func2, sig) => {
    var bytes = Uint8Array.of(
      0,
      97,
      115,
      109,
      // magic ("\0asm")
      1,
      0,
      0,
      0,
      // version: 1
      1,
      ...uleb128EncodeWithLen([
        1,
        // count: 1
        96,
        // param types
        ...generateTypePack(sig.slice(1)),
        // return types (for now only supporting [] if `void` and single [T] otherwise)
        ...generateTypePack(sig[0] === "v" ? "" : sig[0])
      ]),
      // The rest of the module is static
      2,
      7,
      // import section
      // (import "e" "f" (func 0 (type 0)))
      1,
      1,
      101,
      1,
      102,
      0,
      0,
      7,
      5,
      // export section
      // (export "f" (func 0 (type 0)))
      1,
      1,
      102,
      0,
      0
    );
    var module2 = new WebAssembly.Module(bytes);
    var instance2 = new WebAssembly.Instance(module2, {
      "e": {
        "f": func2
      }
    });
    var wrappedFunc = instance2.exports["f"];
    return wrappedFunc;
  }, "convertJsFunctionToWasm");
  var wasmTableMirror = [];
  var wasmTable = new WebAssembly.Table({
    "initial": 31,
    "element": "anyfunc"
  });
  var getWasmTableEntry = /* @__PURE__ */ __name((funcPtr) => {
    var func2 = wasmTableMirror[funcPtr];
    if (!func2) {
      wasmTableMirror[funcPtr] = func2 = wasmTable.get(funcPtr);
    }
    return func2;
  }, "getWasmTableEntry");
  var updateTableMap = /* @__PURE__ */ __name((offset, count) => {
    if (functionsInTableMap) {
      for (var i2 = offset; i2 < offset + count; i2++) {
        var item = getWasmTableEntry(i2);
        if (item) {
          functionsInTableMap.set(item, i2);
        }
      }
    }
  }, "updateTableMap");
  var functionsInTableMap;
  var getFunctionAddress = /* @__PURE__ */ __name((func2) => {
    if (!functionsInTableMap) {
      functionsInTableMap = /* @__PURE__ */ new WeakMap();
      updateTableMap(0, wasmTable.length);
    }
    return functionsInTableMap.get(func2) || 0;
  }, "getFunctionAddress");
  var freeTableIndexes = [];
  var getEmptyTableSlot = /* @__PURE__ */ __name(() => {
    if (freeTableIndexes.length) {
      return freeTableIndexes.pop();
    }
    return wasmTable["grow"](1);
  }, "getEmptyTableSlot");
  var setWasmTableEntry = /* @__PURE__ */ __name((idx, func2) => {
    wasmTable.set(idx, func2);
    wasmTableMirror[idx] = wasmTable.get(idx);
  }, "setWasmTableEntry");
  var addFunction = /* @__PURE__ */ __name((func2, sig) => {
    var rtn = getFunctionAddress(func2);
    if (rtn) {
      return rtn;
    }
    var ret = getEmptyTableSlot();
    try {
      setWasmTableEntry(ret, func2);
    } catch (err2) {
      if (!(err2 instanceof TypeError)) {
        throw err2;
      }
      var wrapped = convertJsFunctionToWasm(func2, sig);
      setWasmTableEntry(ret, wrapped);
    }
    functionsInTableMap.set(func2, ret);
    return ret;
  }, "addFunction");
  var updateGOT = /* @__PURE__ */ __name((exports, replace) => {
    for (var symName in exports) {
      if (isInternalSym(symName)) {
        continue;
      }
      var value = exports[symName];
      GOT[symName] ||= new WebAssembly.Global({
        "value": "i32",
        "mutable": true
      });
      if (replace || GOT[symName].value == 0) {
        if (typeof value == "function") {
          GOT[symName].value = addFunction(value);
        } else if (typeof value == "number") {
          GOT[symName].value = value;
        } else {
          err(`unhandled export type for '${symName}': ${typeof value}`);
        }
      }
    }
  }, "updateGOT");
  var relocateExports = /* @__PURE__ */ __name((exports, memoryBase2, replace) => {
    var relocated = {};
    for (var e in exports) {
      var value = exports[e];
      if (typeof value == "object") {
        value = value.value;
      }
      if (typeof value == "number") {
        value += memoryBase2;
      }
      relocated[e] = value;
    }
    updateGOT(relocated, replace);
    return relocated;
  }, "relocateExports");
  var isSymbolDefined = /* @__PURE__ */ __name((symName) => {
    var existing = wasmImports[symName];
    if (!existing || existing.stub) {
      return false;
    }
    return true;
  }, "isSymbolDefined");
  var dynCall = /* @__PURE__ */ __name((sig, ptr, args2 = [], promising = false) => {
    var func2 = getWasmTableEntry(ptr);
    var rtn = func2(...args2);
    function convert(rtn2) {
      return rtn2;
    }
    __name(convert, "convert");
    return convert(rtn);
  }, "dynCall");
  var stackSave = /* @__PURE__ */ __name(() => _emscripten_stack_get_current(), "stackSave");
  var stackRestore = /* @__PURE__ */ __name((val) => __emscripten_stack_restore(val), "stackRestore");
  var createInvokeFunction = /* @__PURE__ */ __name((sig) => (ptr, ...args2) => {
    var sp = stackSave();
    try {
      return dynCall(sig, ptr, args2);
    } catch (e) {
      stackRestore(sp);
      if (e !== e + 0) throw e;
      _setThrew(1, 0);
      if (sig[0] == "j") return 0n;
    }
  }, "createInvokeFunction");
  var resolveGlobalSymbol = /* @__PURE__ */ __name((symName, direct = false) => {
    var sym;
    if (isSymbolDefined(symName)) {
      sym = wasmImports[symName];
    } else if (symName.startsWith("invoke_")) {
      sym = wasmImports[symName] = createInvokeFunction(symName.split("_")[1]);
    }
    return {
      sym,
      name: symName
    };
  }, "resolveGlobalSymbol");
  var onPostCtors = [];
  var addOnPostCtor = /* @__PURE__ */ __name((cb) => onPostCtors.push(cb), "addOnPostCtor");
  var UTF8ToString = /* @__PURE__ */ __name((ptr, maxBytesToRead, ignoreNul) => ptr ? UTF8ArrayToString(HEAPU8, ptr, maxBytesToRead, ignoreNul) : "", "UTF8ToString");
  var loadWebAssemblyModule = /* @__PURE__ */ __name((binary, flags, libName, localScope, handle) => {
    var metadata = getDylinkMetadata(binary);
    function loadModule() {
      var memAlign = Math.pow(2, metadata.memoryAlign);
      var memoryBase = metadata.memorySize ? alignMemory(getMemory(metadata.memorySize + memAlign), memAlign) : 0;
      var tableBase = metadata.tableSize ? wasmTable.length : 0;
      if (handle) {
        HEAP8[handle + 8] = 1;
        LE_HEAP_STORE_U32((handle + 12 >> 2) * 4, memoryBase);
        LE_HEAP_STORE_I32((handle + 16 >> 2) * 4, metadata.memorySize);
        LE_HEAP_STORE_U32((handle + 20 >> 2) * 4, tableBase);
        LE_HEAP_STORE_I32((handle + 24 >> 2) * 4, metadata.tableSize);
      }
      if (metadata.tableSize) {
        wasmTable.grow(metadata.tableSize);
      }
      var moduleExports;
      function resolveSymbol(sym) {
        var resolved = resolveGlobalSymbol(sym).sym;
        if (!resolved && localScope) {
          resolved = localScope[sym];
        }
        if (!resolved) {
          resolved = moduleExports[sym];
        }
        return resolved;
      }
      __name(resolveSymbol, "resolveSymbol");
      var proxyHandler = {
        get(stubs, prop) {
          switch (prop) {
            case "__memory_base":
              return memoryBase;
            case "__table_base":
              return tableBase;
          }
          if (prop in wasmImports && !wasmImports[prop].stub) {
            var res = wasmImports[prop];
            return res;
          }
          if (!(prop in stubs)) {
            var resolved;
            stubs[prop] = (...args2) => {
              resolved ||= resolveSymbol(prop);
              return resolved(...args2);
            };
          }
          return stubs[prop];
        }
      };
      var proxy = new Proxy({}, proxyHandler);
      currentModuleWeakSymbols = metadata.weakImports;
      var info = {
        "GOT.mem": new Proxy({}, GOTHandler),
        "GOT.func": new Proxy({}, GOTHandler),
        "env": proxy,
        "wasi_snapshot_preview1": proxy
      };
      function postInstantiation(module, instance) {
        updateTableMap(tableBase, metadata.tableSize);
        moduleExports = relocateExports(instance.exports, memoryBase);
        if (!flags.allowUndefined) {
          reportUndefinedSymbols();
        }
        function addEmAsm(addr, body) {
          var args = [];
          var arity = 0;
          for (; arity < 16; arity++) {
            if (body.indexOf("$" + arity) != -1) {
              args.push("$" + arity);
            } else {
              break;
            }
          }
          args = args.join(",");
          var func = `(${args}) => { ${body} };`;
          ASM_CONSTS[start] = eval(func);
        }
        __name(addEmAsm, "addEmAsm");
        if ("__start_em_asm" in moduleExports) {
          var start = moduleExports["__start_em_asm"];
          var stop = moduleExports["__stop_em_asm"];
          while (start < stop) {
            var jsString = UTF8ToString(start);
            addEmAsm(start, jsString);
            start = HEAPU8.indexOf(0, start) + 1;
          }
        }
        function addEmJs(name, cSig, body) {
          var jsArgs = [];
          cSig = cSig.slice(1, -1);
          if (cSig != "void") {
            cSig = cSig.split(",");
            for (var i in cSig) {
              var jsArg = cSig[i].split(" ").pop();
              jsArgs.push(jsArg.replace("*", ""));
            }
          }
          var func = `(${jsArgs}) => ${body};`;
          moduleExports[name] = eval(func);
        }
        __name(addEmJs, "addEmJs");
        for (var name in moduleExports) {
          if (name.startsWith("__em_js__")) {
            var start = moduleExports[name];
            var jsString = UTF8ToString(start);
            var parts = jsString.split("<::>");
            addEmJs(name.replace("__em_js__", ""), parts[0], parts[1]);
            delete moduleExports[name];
          }
        }
        var applyRelocs = moduleExports["__wasm_apply_data_relocs"];
        if (applyRelocs) {
          if (runtimeInitialized) {
            applyRelocs();
          } else {
            __RELOC_FUNCS__.push(applyRelocs);
          }
        }
        var init = moduleExports["__wasm_call_ctors"];
        if (init) {
          if (runtimeInitialized) {
            init();
          } else {
            addOnPostCtor(init);
          }
        }
        return moduleExports;
      }
      __name(postInstantiation, "postInstantiation");
      if (flags.loadAsync) {
        return (async () => {
          var instance2;
          if (binary instanceof WebAssembly.Module) {
            instance2 = new WebAssembly.Instance(binary, info);
          } else {
            ({ module: binary, instance: instance2 } = await WebAssembly.instantiate(binary, info));
          }
          return postInstantiation(binary, instance2);
        })();
      }
      var module = binary instanceof WebAssembly.Module ? binary : new WebAssembly.Module(binary);
      var instance = new WebAssembly.Instance(module, info);
      return postInstantiation(module, instance);
    }
    __name(loadModule, "loadModule");
    flags = {
      ...flags,
      rpath: {
        parentLibPath: libName,
        paths: metadata.runtimePaths
      }
    };
    if (flags.loadAsync) {
      return metadata.neededDynlibs.reduce((chain, dynNeeded) => chain.then(() => loadDynamicLibrary(dynNeeded, flags, localScope)), Promise.resolve()).then(loadModule);
    }
    metadata.neededDynlibs.forEach((needed) => loadDynamicLibrary(needed, flags, localScope));
    return loadModule();
  }, "loadWebAssemblyModule");
  var mergeLibSymbols = /* @__PURE__ */ __name((exports, libName2) => {
    for (var [sym, exp] of Object.entries(exports)) {
      const setImport = /* @__PURE__ */ __name((target) => {
        if (!isSymbolDefined(target)) {
          wasmImports[target] = exp;
        }
      }, "setImport");
      setImport(sym);
      const main_alias = "__main_argc_argv";
      if (sym == "main") {
        setImport(main_alias);
      }
      if (sym == main_alias) {
        setImport("main");
      }
    }
  }, "mergeLibSymbols");
  var asyncLoad = /* @__PURE__ */ __name(async (url) => {
    var arrayBuffer = await readAsync(url);
    return new Uint8Array(arrayBuffer);
  }, "asyncLoad");
  function loadDynamicLibrary(libName2, flags2 = {
    global: true,
    nodelete: true
  }, localScope2, handle2) {
    var dso = LDSO.loadedLibsByName[libName2];
    if (dso) {
      if (!flags2.global) {
        if (localScope2) {
          Object.assign(localScope2, dso.exports);
        }
      } else if (!dso.global) {
        dso.global = true;
        mergeLibSymbols(dso.exports, libName2);
      }
      if (flags2.nodelete && dso.refcount !== Infinity) {
        dso.refcount = Infinity;
      }
      dso.refcount++;
      if (handle2) {
        LDSO.loadedLibsByHandle[handle2] = dso;
      }
      return flags2.loadAsync ? Promise.resolve(true) : true;
    }
    dso = newDSO(libName2, handle2, "loading");
    dso.refcount = flags2.nodelete ? Infinity : 1;
    dso.global = flags2.global;
    function loadLibData() {
      if (handle2) {
        var data = LE_HEAP_LOAD_U32((handle2 + 28 >> 2) * 4);
        var dataSize = LE_HEAP_LOAD_U32((handle2 + 32 >> 2) * 4);
        if (data && dataSize) {
          var libData = HEAP8.slice(data, data + dataSize);
          return flags2.loadAsync ? Promise.resolve(libData) : libData;
        }
      }
      var libFile = locateFile(libName2);
      if (flags2.loadAsync) {
        return asyncLoad(libFile);
      }
      if (!readBinary) {
        throw new Error(`${libFile}: file not found, and synchronous loading of external files is not available`);
      }
      return readBinary(libFile);
    }
    __name(loadLibData, "loadLibData");
    function getExports() {
      if (flags2.loadAsync) {
        return loadLibData().then((libData) => loadWebAssemblyModule(libData, flags2, libName2, localScope2, handle2));
      }
      return loadWebAssemblyModule(loadLibData(), flags2, libName2, localScope2, handle2);
    }
    __name(getExports, "getExports");
    function moduleLoaded(exports) {
      if (dso.global) {
        mergeLibSymbols(exports, libName2);
      } else if (localScope2) {
        Object.assign(localScope2, exports);
      }
      dso.exports = exports;
    }
    __name(moduleLoaded, "moduleLoaded");
    if (flags2.loadAsync) {
      return getExports().then((exports) => {
        moduleLoaded(exports);
        return true;
      });
    }
    moduleLoaded(getExports());
    return true;
  }
  __name(loadDynamicLibrary, "loadDynamicLibrary");
  var reportUndefinedSymbols = /* @__PURE__ */ __name(() => {
    for (var [symName, entry] of Object.entries(GOT)) {
      if (entry.value == 0) {
        var value = resolveGlobalSymbol(symName, true).sym;
        if (!value && !entry.required) {
          continue;
        }
        if (typeof value == "function") {
          entry.value = addFunction(value, value.sig);
        } else if (typeof value == "number") {
          entry.value = value;
        } else {
          throw new Error(`bad export type for '${symName}': ${typeof value}`);
        }
      }
    }
  }, "reportUndefinedSymbols");
  var runDependencies = 0;
  var dependenciesFulfilled = null;
  var removeRunDependency = /* @__PURE__ */ __name((id) => {
    runDependencies--;
    Module["monitorRunDependencies"]?.(runDependencies);
    if (runDependencies == 0) {
      if (dependenciesFulfilled) {
        var callback = dependenciesFulfilled;
        dependenciesFulfilled = null;
        callback();
      }
    }
  }, "removeRunDependency");
  var addRunDependency = /* @__PURE__ */ __name((id) => {
    runDependencies++;
    Module["monitorRunDependencies"]?.(runDependencies);
  }, "addRunDependency");
  var loadDylibs = /* @__PURE__ */ __name(async () => {
    if (!dynamicLibraries.length) {
      reportUndefinedSymbols();
      return;
    }
    addRunDependency("loadDylibs");
    for (var lib of dynamicLibraries) {
      await loadDynamicLibrary(lib, {
        loadAsync: true,
        global: true,
        nodelete: true,
        allowUndefined: true
      });
    }
    reportUndefinedSymbols();
    removeRunDependency("loadDylibs");
  }, "loadDylibs");
  var noExitRuntime = true;
  function setValue(ptr, value, type = "i8") {
    if (type.endsWith("*")) type = "*";
    switch (type) {
      case "i1":
        HEAP8[ptr] = value;
        break;
      case "i8":
        HEAP8[ptr] = value;
        break;
      case "i16":
        LE_HEAP_STORE_I16((ptr >> 1) * 2, value);
        break;
      case "i32":
        LE_HEAP_STORE_I32((ptr >> 2) * 4, value);
        break;
      case "i64":
        LE_HEAP_STORE_I64((ptr >> 3) * 8, BigInt(value));
        break;
      case "float":
        LE_HEAP_STORE_F32((ptr >> 2) * 4, value);
        break;
      case "double":
        LE_HEAP_STORE_F64((ptr >> 3) * 8, value);
        break;
      case "*":
        LE_HEAP_STORE_U32((ptr >> 2) * 4, value);
        break;
      default:
        abort(`invalid type for setValue: ${type}`);
    }
  }
  __name(setValue, "setValue");
  var ___memory_base = new WebAssembly.Global({
    "value": "i32",
    "mutable": false
  }, 1024);
  var ___stack_high = 82240;
  var ___stack_low = 16704;
  var ___stack_pointer = new WebAssembly.Global({
    "value": "i32",
    "mutable": true
  }, 82240);
  var ___table_base = new WebAssembly.Global({
    "value": "i32",
    "mutable": false
  }, 1);
  var __abort_js = /* @__PURE__ */ __name(() => abort(""), "__abort_js");
  __abort_js.sig = "v";
  var getHeapMax = /* @__PURE__ */ __name(() => (
    // Stay one Wasm page short of 4GB: while e.g. Chrome is able to allocate
    // full 4GB Wasm memories, the size will wrap back to 0 bytes in Wasm side
    // for any code that deals with heap sizes, which would require special
    // casing all heap size related code to treat 0 specially.
    2147483648
  ), "getHeapMax");
  var growMemory = /* @__PURE__ */ __name((size) => {
    var oldHeapSize = wasmMemory.buffer.byteLength;
    var pages = (size - oldHeapSize + 65535) / 65536 | 0;
    try {
      wasmMemory.grow(pages);
      updateMemoryViews();
      return 1;
    } catch (e) {
    }
  }, "growMemory");
  var _emscripten_resize_heap = /* @__PURE__ */ __name((requestedSize) => {
    var oldSize = HEAPU8.length;
    requestedSize >>>= 0;
    var maxHeapSize = getHeapMax();
    if (requestedSize > maxHeapSize) {
      return false;
    }
    for (var cutDown = 1; cutDown <= 4; cutDown *= 2) {
      var overGrownHeapSize = oldSize * (1 + 0.2 / cutDown);
      overGrownHeapSize = Math.min(overGrownHeapSize, requestedSize + 100663296);
      var newSize = Math.min(maxHeapSize, alignMemory(Math.max(requestedSize, overGrownHeapSize), 65536));
      var replacement = growMemory(newSize);
      if (replacement) {
        return true;
      }
    }
    return false;
  }, "_emscripten_resize_heap");
  _emscripten_resize_heap.sig = "ip";
  var _fd_close = /* @__PURE__ */ __name((fd) => 52, "_fd_close");
  _fd_close.sig = "ii";
  var INT53_MAX = 9007199254740992;
  var INT53_MIN = -9007199254740992;
  var bigintToI53Checked = /* @__PURE__ */ __name((num) => num < INT53_MIN || num > INT53_MAX ? NaN : Number(num), "bigintToI53Checked");
  function _fd_seek(fd, offset, whence, newOffset) {
    offset = bigintToI53Checked(offset);
    return 70;
  }
  __name(_fd_seek, "_fd_seek");
  _fd_seek.sig = "iijip";
  var printCharBuffers = [null, [], []];
  var printChar = /* @__PURE__ */ __name((stream, curr) => {
    var buffer = printCharBuffers[stream];
    if (curr === 0 || curr === 10) {
      (stream === 1 ? out : err)(UTF8ArrayToString(buffer));
      buffer.length = 0;
    } else {
      buffer.push(curr);
    }
  }, "printChar");
  var _fd_write = /* @__PURE__ */ __name((fd, iov, iovcnt, pnum) => {
    var num = 0;
    for (var i2 = 0; i2 < iovcnt; i2++) {
      var ptr = LE_HEAP_LOAD_U32((iov >> 2) * 4);
      var len = LE_HEAP_LOAD_U32((iov + 4 >> 2) * 4);
      iov += 8;
      for (var j = 0; j < len; j++) {
        printChar(fd, HEAPU8[ptr + j]);
      }
      num += len;
    }
    LE_HEAP_STORE_U32((pnum >> 2) * 4, num);
    return 0;
  }, "_fd_write");
  _fd_write.sig = "iippp";
  function _tree_sitter_log_callback(isLexMessage, messageAddress) {
    if (Module.currentLogCallback) {
      const message = UTF8ToString(messageAddress);
      Module.currentLogCallback(message, isLexMessage !== 0);
    }
  }
  __name(_tree_sitter_log_callback, "_tree_sitter_log_callback");
  function _tree_sitter_parse_callback(inputBufferAddress, index, row, column, lengthAddress) {
    const INPUT_BUFFER_SIZE = 10 * 1024;
    const string = Module.currentParseCallback(index, {
      row,
      column
    });
    if (typeof string === "string") {
      setValue(lengthAddress, string.length, "i32");
      stringToUTF16(string, inputBufferAddress, INPUT_BUFFER_SIZE);
    } else {
      setValue(lengthAddress, 0, "i32");
    }
  }
  __name(_tree_sitter_parse_callback, "_tree_sitter_parse_callback");
  function _tree_sitter_progress_callback(currentOffset, hasError) {
    if (Module.currentProgressCallback) {
      return Module.currentProgressCallback({
        currentOffset,
        hasError
      });
    }
    return false;
  }
  __name(_tree_sitter_progress_callback, "_tree_sitter_progress_callback");
  function _tree_sitter_query_progress_callback(currentOffset) {
    if (Module.currentQueryProgressCallback) {
      return Module.currentQueryProgressCallback({
        currentOffset
      });
    }
    return false;
  }
  __name(_tree_sitter_query_progress_callback, "_tree_sitter_query_progress_callback");
  var runtimeKeepaliveCounter = 0;
  var keepRuntimeAlive = /* @__PURE__ */ __name(() => noExitRuntime || runtimeKeepaliveCounter > 0, "keepRuntimeAlive");
  var _proc_exit = /* @__PURE__ */ __name((code) => {
    EXITSTATUS = code;
    if (!keepRuntimeAlive()) {
      Module["onExit"]?.(code);
      ABORT = true;
    }
    quit_(code, new ExitStatus(code));
  }, "_proc_exit");
  _proc_exit.sig = "vi";
  var exitJS = /* @__PURE__ */ __name((status, implicit) => {
    EXITSTATUS = status;
    _proc_exit(status);
  }, "exitJS");
  var handleException = /* @__PURE__ */ __name((e) => {
    if (e instanceof ExitStatus || e == "unwind") {
      return EXITSTATUS;
    }
    quit_(1, e);
  }, "handleException");
  var lengthBytesUTF8 = /* @__PURE__ */ __name((str2) => {
    var len = 0;
    for (var i2 = 0; i2 < str2.length; ++i2) {
      var c = str2.charCodeAt(i2);
      if (c <= 127) {
        len++;
      } else if (c <= 2047) {
        len += 2;
      } else if (c >= 55296 && c <= 57343) {
        len += 4;
        ++i2;
      } else {
        len += 3;
      }
    }
    return len;
  }, "lengthBytesUTF8");
  var stringToUTF8Array = /* @__PURE__ */ __name((str2, heap, outIdx, maxBytesToWrite) => {
    if (!(maxBytesToWrite > 0)) return 0;
    var startIdx = outIdx;
    var endIdx = outIdx + maxBytesToWrite - 1;
    for (var i2 = 0; i2 < str2.length; ++i2) {
      var u = str2.codePointAt(i2);
      if (u <= 127) {
        if (outIdx >= endIdx) break;
        heap[outIdx++] = u;
      } else if (u <= 2047) {
        if (outIdx + 1 >= endIdx) break;
        heap[outIdx++] = 192 | u >> 6;
        heap[outIdx++] = 128 | u & 63;
      } else if (u <= 65535) {
        if (outIdx + 2 >= endIdx) break;
        heap[outIdx++] = 224 | u >> 12;
        heap[outIdx++] = 128 | u >> 6 & 63;
        heap[outIdx++] = 128 | u & 63;
      } else {
        if (outIdx + 3 >= endIdx) break;
        heap[outIdx++] = 240 | u >> 18;
        heap[outIdx++] = 128 | u >> 12 & 63;
        heap[outIdx++] = 128 | u >> 6 & 63;
        heap[outIdx++] = 128 | u & 63;
        i2++;
      }
    }
    heap[outIdx] = 0;
    return outIdx - startIdx;
  }, "stringToUTF8Array");
  var stringToUTF8 = /* @__PURE__ */ __name((str2, outPtr, maxBytesToWrite) => stringToUTF8Array(str2, HEAPU8, outPtr, maxBytesToWrite), "stringToUTF8");
  var stackAlloc = /* @__PURE__ */ __name((sz) => __emscripten_stack_alloc(sz), "stackAlloc");
  var stringToUTF8OnStack = /* @__PURE__ */ __name((str2) => {
    var size = lengthBytesUTF8(str2) + 1;
    var ret = stackAlloc(size);
    stringToUTF8(str2, ret, size);
    return ret;
  }, "stringToUTF8OnStack");
  var AsciiToString = /* @__PURE__ */ __name((ptr) => {
    var str2 = "";
    while (1) {
      var ch = HEAPU8[ptr++];
      if (!ch) return str2;
      str2 += String.fromCharCode(ch);
    }
  }, "AsciiToString");
  var stringToUTF16 = /* @__PURE__ */ __name((str2, outPtr, maxBytesToWrite) => {
    maxBytesToWrite ??= 2147483647;
    if (maxBytesToWrite < 2) return 0;
    maxBytesToWrite -= 2;
    var startPtr = outPtr;
    var numCharsToWrite = maxBytesToWrite < str2.length * 2 ? maxBytesToWrite / 2 : str2.length;
    for (var i2 = 0; i2 < numCharsToWrite; ++i2) {
      var codeUnit = str2.charCodeAt(i2);
      LE_HEAP_STORE_I16((outPtr >> 1) * 2, codeUnit);
      outPtr += 2;
    }
    LE_HEAP_STORE_I16((outPtr >> 1) * 2, 0);
    return outPtr - startPtr;
  }, "stringToUTF16");
  LE_ATOMICS_NATIVE_BYTE_ORDER = new Int8Array(new Int16Array([1]).buffer)[0] === 1 ? [
    /* little endian */
    ((x) => x),
    ((x) => x),
    void 0,
    ((x) => x)
  ] : [
    /* big endian */
    ((x) => x),
    ((x) => ((x & 65280) << 8 | (x & 255) << 24) >> 16),
    void 0,
    ((x) => x >> 24 & 255 | x >> 8 & 65280 | (x & 65280) << 8 | (x & 255) << 24)
  ];
  function LE_HEAP_UPDATE() {
    HEAPU16.unsigned = ((x) => x & 65535);
    HEAPU32.unsigned = ((x) => x >>> 0);
  }
  __name(LE_HEAP_UPDATE, "LE_HEAP_UPDATE");
  {
    initMemory();
    if (Module["noExitRuntime"]) noExitRuntime = Module["noExitRuntime"];
    if (Module["print"]) out = Module["print"];
    if (Module["printErr"]) err = Module["printErr"];
    if (Module["dynamicLibraries"]) dynamicLibraries = Module["dynamicLibraries"];
    if (Module["wasmBinary"]) wasmBinary = Module["wasmBinary"];
    if (Module["arguments"]) arguments_ = Module["arguments"];
    if (Module["thisProgram"]) thisProgram = Module["thisProgram"];
    if (Module["preInit"]) {
      if (typeof Module["preInit"] == "function") Module["preInit"] = [Module["preInit"]];
      while (Module["preInit"].length > 0) {
        Module["preInit"].shift()();
      }
    }
  }
  Module["setValue"] = setValue;
  Module["getValue"] = getValue;
  Module["UTF8ToString"] = UTF8ToString;
  Module["stringToUTF8"] = stringToUTF8;
  Module["lengthBytesUTF8"] = lengthBytesUTF8;
  Module["AsciiToString"] = AsciiToString;
  Module["stringToUTF16"] = stringToUTF16;
  Module["loadWebAssemblyModule"] = loadWebAssemblyModule;
  Module["LE_HEAP_STORE_I64"] = LE_HEAP_STORE_I64;
  var ASM_CONSTS = {};
  var _malloc, _calloc, _realloc, _free, _ts_range_edit, _memcmp, _ts_language_symbol_count, _ts_language_state_count, _ts_language_abi_version, _ts_language_name, _ts_language_field_count, _ts_language_next_state, _ts_language_symbol_name, _ts_language_symbol_for_name, _strncmp, _ts_language_symbol_type, _ts_language_field_name_for_id, _ts_lookahead_iterator_new, _ts_lookahead_iterator_delete, _ts_lookahead_iterator_reset_state, _ts_lookahead_iterator_reset, _ts_lookahead_iterator_next, _ts_lookahead_iterator_current_symbol, _ts_point_edit, _ts_parser_delete, _ts_parser_reset, _ts_parser_set_language, _ts_parser_set_included_ranges, _ts_query_new, _ts_query_delete, _iswspace, _iswalnum, _ts_query_copy, _ts_query_pattern_count, _ts_query_capture_count, _ts_query_string_count, _ts_query_capture_name_for_id, _ts_query_capture_quantifier_for_id, _ts_query_string_value_for_id, _ts_query_predicates_for_pattern, _ts_query_start_byte_for_pattern, _ts_query_end_byte_for_pattern, _ts_query_is_pattern_rooted, _ts_query_is_pattern_non_local, _ts_query_is_pattern_guaranteed_at_step, _ts_query_disable_capture, _ts_query_disable_pattern, _ts_tree_copy, _ts_tree_delete, _ts_init, _ts_parser_new_wasm, _ts_parser_enable_logger_wasm, _ts_parser_parse_wasm, _ts_parser_included_ranges_wasm, _ts_language_type_is_named_wasm, _ts_language_type_is_visible_wasm, _ts_language_metadata_wasm, _ts_language_supertypes_wasm, _ts_language_subtypes_wasm, _ts_tree_root_node_wasm, _ts_tree_root_node_with_offset_wasm, _ts_tree_edit_wasm, _ts_tree_included_ranges_wasm, _ts_tree_get_changed_ranges_wasm, _ts_tree_cursor_new_wasm, _ts_tree_cursor_copy_wasm, _ts_tree_cursor_delete_wasm, _ts_tree_cursor_reset_wasm, _ts_tree_cursor_reset_to_wasm, _ts_tree_cursor_goto_first_child_wasm, _ts_tree_cursor_goto_last_child_wasm, _ts_tree_cursor_goto_first_child_for_index_wasm, _ts_tree_cursor_goto_first_child_for_position_wasm, _ts_tree_cursor_goto_next_sibling_wasm, _ts_tree_cursor_goto_previous_sibling_wasm, _ts_tree_cursor_goto_descendant_wasm, _ts_tree_cursor_goto_parent_wasm, _ts_tree_cursor_current_node_type_id_wasm, _ts_tree_cursor_current_node_state_id_wasm, _ts_tree_cursor_current_node_is_named_wasm, _ts_tree_cursor_current_node_is_missing_wasm, _ts_tree_cursor_current_node_id_wasm, _ts_tree_cursor_start_position_wasm, _ts_tree_cursor_end_position_wasm, _ts_tree_cursor_start_index_wasm, _ts_tree_cursor_end_index_wasm, _ts_tree_cursor_current_field_id_wasm, _ts_tree_cursor_current_depth_wasm, _ts_tree_cursor_current_descendant_index_wasm, _ts_tree_cursor_current_node_wasm, _ts_node_symbol_wasm, _ts_node_field_name_for_child_wasm, _ts_node_field_name_for_named_child_wasm, _ts_node_children_by_field_id_wasm, _ts_node_first_child_for_byte_wasm, _ts_node_first_named_child_for_byte_wasm, _ts_node_grammar_symbol_wasm, _ts_node_child_count_wasm, _ts_node_named_child_count_wasm, _ts_node_child_wasm, _ts_node_named_child_wasm, _ts_node_child_by_field_id_wasm, _ts_node_next_sibling_wasm, _ts_node_prev_sibling_wasm, _ts_node_next_named_sibling_wasm, _ts_node_prev_named_sibling_wasm, _ts_node_descendant_count_wasm, _ts_node_parent_wasm, _ts_node_child_with_descendant_wasm, _ts_node_descendant_for_index_wasm, _ts_node_named_descendant_for_index_wasm, _ts_node_descendant_for_position_wasm, _ts_node_named_descendant_for_position_wasm, _ts_node_start_point_wasm, _ts_node_end_point_wasm, _ts_node_start_index_wasm, _ts_node_end_index_wasm, _ts_node_to_string_wasm, _ts_node_children_wasm, _ts_node_named_children_wasm, _ts_node_descendants_of_type_wasm, _ts_node_is_named_wasm, _ts_node_has_changes_wasm, _ts_node_has_error_wasm, _ts_node_is_error_wasm, _ts_node_is_missing_wasm, _ts_node_is_extra_wasm, _ts_node_parse_state_wasm, _ts_node_next_parse_state_wasm, _ts_query_matches_wasm, _ts_query_captures_wasm, _memset, _memcpy, _memmove, _iswalpha, _iswblank, _iswdigit, _iswlower, _iswpunct, _iswupper, _iswxdigit, _memchr, _strlen, _strcmp, _strncat, _strncpy, _towlower, _towupper, _setThrew, __emscripten_stack_restore, __emscripten_stack_alloc, _emscripten_stack_get_current, ___wasm_apply_data_relocs;
  function assignWasmExports(wasmExports2) {
    Module["_malloc"] = _malloc = wasmExports2["malloc"];
    Module["_calloc"] = _calloc = wasmExports2["calloc"];
    Module["_realloc"] = _realloc = wasmExports2["realloc"];
    Module["_free"] = _free = wasmExports2["free"];
    Module["_ts_range_edit"] = _ts_range_edit = wasmExports2["ts_range_edit"];
    Module["_memcmp"] = _memcmp = wasmExports2["memcmp"];
    Module["_ts_language_symbol_count"] = _ts_language_symbol_count = wasmExports2["ts_language_symbol_count"];
    Module["_ts_language_state_count"] = _ts_language_state_count = wasmExports2["ts_language_state_count"];
    Module["_ts_language_abi_version"] = _ts_language_abi_version = wasmExports2["ts_language_abi_version"];
    Module["_ts_language_name"] = _ts_language_name = wasmExports2["ts_language_name"];
    Module["_ts_language_field_count"] = _ts_language_field_count = wasmExports2["ts_language_field_count"];
    Module["_ts_language_next_state"] = _ts_language_next_state = wasmExports2["ts_language_next_state"];
    Module["_ts_language_symbol_name"] = _ts_language_symbol_name = wasmExports2["ts_language_symbol_name"];
    Module["_ts_language_symbol_for_name"] = _ts_language_symbol_for_name = wasmExports2["ts_language_symbol_for_name"];
    Module["_strncmp"] = _strncmp = wasmExports2["strncmp"];
    Module["_ts_language_symbol_type"] = _ts_language_symbol_type = wasmExports2["ts_language_symbol_type"];
    Module["_ts_language_field_name_for_id"] = _ts_language_field_name_for_id = wasmExports2["ts_language_field_name_for_id"];
    Module["_ts_lookahead_iterator_new"] = _ts_lookahead_iterator_new = wasmExports2["ts_lookahead_iterator_new"];
    Module["_ts_lookahead_iterator_delete"] = _ts_lookahead_iterator_delete = wasmExports2["ts_lookahead_iterator_delete"];
    Module["_ts_lookahead_iterator_reset_state"] = _ts_lookahead_iterator_reset_state = wasmExports2["ts_lookahead_iterator_reset_state"];
    Module["_ts_lookahead_iterator_reset"] = _ts_lookahead_iterator_reset = wasmExports2["ts_lookahead_iterator_reset"];
    Module["_ts_lookahead_iterator_next"] = _ts_lookahead_iterator_next = wasmExports2["ts_lookahead_iterator_next"];
    Module["_ts_lookahead_iterator_current_symbol"] = _ts_lookahead_iterator_current_symbol = wasmExports2["ts_lookahead_iterator_current_symbol"];
    Module["_ts_point_edit"] = _ts_point_edit = wasmExports2["ts_point_edit"];
    Module["_ts_parser_delete"] = _ts_parser_delete = wasmExports2["ts_parser_delete"];
    Module["_ts_parser_reset"] = _ts_parser_reset = wasmExports2["ts_parser_reset"];
    Module["_ts_parser_set_language"] = _ts_parser_set_language = wasmExports2["ts_parser_set_language"];
    Module["_ts_parser_set_included_ranges"] = _ts_parser_set_included_ranges = wasmExports2["ts_parser_set_included_ranges"];
    Module["_ts_query_new"] = _ts_query_new = wasmExports2["ts_query_new"];
    Module["_ts_query_delete"] = _ts_query_delete = wasmExports2["ts_query_delete"];
    Module["_iswspace"] = _iswspace = wasmExports2["iswspace"];
    Module["_iswalnum"] = _iswalnum = wasmExports2["iswalnum"];
    Module["_ts_query_copy"] = _ts_query_copy = wasmExports2["ts_query_copy"];
    Module["_ts_query_pattern_count"] = _ts_query_pattern_count = wasmExports2["ts_query_pattern_count"];
    Module["_ts_query_capture_count"] = _ts_query_capture_count = wasmExports2["ts_query_capture_count"];
    Module["_ts_query_string_count"] = _ts_query_string_count = wasmExports2["ts_query_string_count"];
    Module["_ts_query_capture_name_for_id"] = _ts_query_capture_name_for_id = wasmExports2["ts_query_capture_name_for_id"];
    Module["_ts_query_capture_quantifier_for_id"] = _ts_query_capture_quantifier_for_id = wasmExports2["ts_query_capture_quantifier_for_id"];
    Module["_ts_query_string_value_for_id"] = _ts_query_string_value_for_id = wasmExports2["ts_query_string_value_for_id"];
    Module["_ts_query_predicates_for_pattern"] = _ts_query_predicates_for_pattern = wasmExports2["ts_query_predicates_for_pattern"];
    Module["_ts_query_start_byte_for_pattern"] = _ts_query_start_byte_for_pattern = wasmExports2["ts_query_start_byte_for_pattern"];
    Module["_ts_query_end_byte_for_pattern"] = _ts_query_end_byte_for_pattern = wasmExports2["ts_query_end_byte_for_pattern"];
    Module["_ts_query_is_pattern_rooted"] = _ts_query_is_pattern_rooted = wasmExports2["ts_query_is_pattern_rooted"];
    Module["_ts_query_is_pattern_non_local"] = _ts_query_is_pattern_non_local = wasmExports2["ts_query_is_pattern_non_local"];
    Module["_ts_query_is_pattern_guaranteed_at_step"] = _ts_query_is_pattern_guaranteed_at_step = wasmExports2["ts_query_is_pattern_guaranteed_at_step"];
    Module["_ts_query_disable_capture"] = _ts_query_disable_capture = wasmExports2["ts_query_disable_capture"];
    Module["_ts_query_disable_pattern"] = _ts_query_disable_pattern = wasmExports2["ts_query_disable_pattern"];
    Module["_ts_tree_copy"] = _ts_tree_copy = wasmExports2["ts_tree_copy"];
    Module["_ts_tree_delete"] = _ts_tree_delete = wasmExports2["ts_tree_delete"];
    Module["_ts_init"] = _ts_init = wasmExports2["ts_init"];
    Module["_ts_parser_new_wasm"] = _ts_parser_new_wasm = wasmExports2["ts_parser_new_wasm"];
    Module["_ts_parser_enable_logger_wasm"] = _ts_parser_enable_logger_wasm = wasmExports2["ts_parser_enable_logger_wasm"];
    Module["_ts_parser_parse_wasm"] = _ts_parser_parse_wasm = wasmExports2["ts_parser_parse_wasm"];
    Module["_ts_parser_included_ranges_wasm"] = _ts_parser_included_ranges_wasm = wasmExports2["ts_parser_included_ranges_wasm"];
    Module["_ts_language_type_is_named_wasm"] = _ts_language_type_is_named_wasm = wasmExports2["ts_language_type_is_named_wasm"];
    Module["_ts_language_type_is_visible_wasm"] = _ts_language_type_is_visible_wasm = wasmExports2["ts_language_type_is_visible_wasm"];
    Module["_ts_language_metadata_wasm"] = _ts_language_metadata_wasm = wasmExports2["ts_language_metadata_wasm"];
    Module["_ts_language_supertypes_wasm"] = _ts_language_supertypes_wasm = wasmExports2["ts_language_supertypes_wasm"];
    Module["_ts_language_subtypes_wasm"] = _ts_language_subtypes_wasm = wasmExports2["ts_language_subtypes_wasm"];
    Module["_ts_tree_root_node_wasm"] = _ts_tree_root_node_wasm = wasmExports2["ts_tree_root_node_wasm"];
    Module["_ts_tree_root_node_with_offset_wasm"] = _ts_tree_root_node_with_offset_wasm = wasmExports2["ts_tree_root_node_with_offset_wasm"];
    Module["_ts_tree_edit_wasm"] = _ts_tree_edit_wasm = wasmExports2["ts_tree_edit_wasm"];
    Module["_ts_tree_included_ranges_wasm"] = _ts_tree_included_ranges_wasm = wasmExports2["ts_tree_included_ranges_wasm"];
    Module["_ts_tree_get_changed_ranges_wasm"] = _ts_tree_get_changed_ranges_wasm = wasmExports2["ts_tree_get_changed_ranges_wasm"];
    Module["_ts_tree_cursor_new_wasm"] = _ts_tree_cursor_new_wasm = wasmExports2["ts_tree_cursor_new_wasm"];
    Module["_ts_tree_cursor_copy_wasm"] = _ts_tree_cursor_copy_wasm = wasmExports2["ts_tree_cursor_copy_wasm"];
    Module["_ts_tree_cursor_delete_wasm"] = _ts_tree_cursor_delete_wasm = wasmExports2["ts_tree_cursor_delete_wasm"];
    Module["_ts_tree_cursor_reset_wasm"] = _ts_tree_cursor_reset_wasm = wasmExports2["ts_tree_cursor_reset_wasm"];
    Module["_ts_tree_cursor_reset_to_wasm"] = _ts_tree_cursor_reset_to_wasm = wasmExports2["ts_tree_cursor_reset_to_wasm"];
    Module["_ts_tree_cursor_goto_first_child_wasm"] = _ts_tree_cursor_goto_first_child_wasm = wasmExports2["ts_tree_cursor_goto_first_child_wasm"];
    Module["_ts_tree_cursor_goto_last_child_wasm"] = _ts_tree_cursor_goto_last_child_wasm = wasmExports2["ts_tree_cursor_goto_last_child_wasm"];
    Module["_ts_tree_cursor_goto_first_child_for_index_wasm"] = _ts_tree_cursor_goto_first_child_for_index_wasm = wasmExports2["ts_tree_cursor_goto_first_child_for_index_wasm"];
    Module["_ts_tree_cursor_goto_first_child_for_position_wasm"] = _ts_tree_cursor_goto_first_child_for_position_wasm = wasmExports2["ts_tree_cursor_goto_first_child_for_position_wasm"];
    Module["_ts_tree_cursor_goto_next_sibling_wasm"] = _ts_tree_cursor_goto_next_sibling_wasm = wasmExports2["ts_tree_cursor_goto_next_sibling_wasm"];
    Module["_ts_tree_cursor_goto_previous_sibling_wasm"] = _ts_tree_cursor_goto_previous_sibling_wasm = wasmExports2["ts_tree_cursor_goto_previous_sibling_wasm"];
    Module["_ts_tree_cursor_goto_descendant_wasm"] = _ts_tree_cursor_goto_descendant_wasm = wasmExports2["ts_tree_cursor_goto_descendant_wasm"];
    Module["_ts_tree_cursor_goto_parent_wasm"] = _ts_tree_cursor_goto_parent_wasm = wasmExports2["ts_tree_cursor_goto_parent_wasm"];
    Module["_ts_tree_cursor_current_node_type_id_wasm"] = _ts_tree_cursor_current_node_type_id_wasm = wasmExports2["ts_tree_cursor_current_node_type_id_wasm"];
    Module["_ts_tree_cursor_current_node_state_id_wasm"] = _ts_tree_cursor_current_node_state_id_wasm = wasmExports2["ts_tree_cursor_current_node_state_id_wasm"];
    Module["_ts_tree_cursor_current_node_is_named_wasm"] = _ts_tree_cursor_current_node_is_named_wasm = wasmExports2["ts_tree_cursor_current_node_is_named_wasm"];
    Module["_ts_tree_cursor_current_node_is_missing_wasm"] = _ts_tree_cursor_current_node_is_missing_wasm = wasmExports2["ts_tree_cursor_current_node_is_missing_wasm"];
    Module["_ts_tree_cursor_current_node_id_wasm"] = _ts_tree_cursor_current_node_id_wasm = wasmExports2["ts_tree_cursor_current_node_id_wasm"];
    Module["_ts_tree_cursor_start_position_wasm"] = _ts_tree_cursor_start_position_wasm = wasmExports2["ts_tree_cursor_start_position_wasm"];
    Module["_ts_tree_cursor_end_position_wasm"] = _ts_tree_cursor_end_position_wasm = wasmExports2["ts_tree_cursor_end_position_wasm"];
    Module["_ts_tree_cursor_start_index_wasm"] = _ts_tree_cursor_start_index_wasm = wasmExports2["ts_tree_cursor_start_index_wasm"];
    Module["_ts_tree_cursor_end_index_wasm"] = _ts_tree_cursor_end_index_wasm = wasmExports2["ts_tree_cursor_end_index_wasm"];
    Module["_ts_tree_cursor_current_field_id_wasm"] = _ts_tree_cursor_current_field_id_wasm = wasmExports2["ts_tree_cursor_current_field_id_wasm"];
    Module["_ts_tree_cursor_current_depth_wasm"] = _ts_tree_cursor_current_depth_wasm = wasmExports2["ts_tree_cursor_current_depth_wasm"];
    Module["_ts_tree_cursor_current_descendant_index_wasm"] = _ts_tree_cursor_current_descendant_index_wasm = wasmExports2["ts_tree_cursor_current_descendant_index_wasm"];
    Module["_ts_tree_cursor_current_node_wasm"] = _ts_tree_cursor_current_node_wasm = wasmExports2["ts_tree_cursor_current_node_wasm"];
    Module["_ts_node_symbol_wasm"] = _ts_node_symbol_wasm = wasmExports2["ts_node_symbol_wasm"];
    Module["_ts_node_field_name_for_child_wasm"] = _ts_node_field_name_for_child_wasm = wasmExports2["ts_node_field_name_for_child_wasm"];
    Module["_ts_node_field_name_for_named_child_wasm"] = _ts_node_field_name_for_named_child_wasm = wasmExports2["ts_node_field_name_for_named_child_wasm"];
    Module["_ts_node_children_by_field_id_wasm"] = _ts_node_children_by_field_id_wasm = wasmExports2["ts_node_children_by_field_id_wasm"];
    Module["_ts_node_first_child_for_byte_wasm"] = _ts_node_first_child_for_byte_wasm = wasmExports2["ts_node_first_child_for_byte_wasm"];
    Module["_ts_node_first_named_child_for_byte_wasm"] = _ts_node_first_named_child_for_byte_wasm = wasmExports2["ts_node_first_named_child_for_byte_wasm"];
    Module["_ts_node_grammar_symbol_wasm"] = _ts_node_grammar_symbol_wasm = wasmExports2["ts_node_grammar_symbol_wasm"];
    Module["_ts_node_child_count_wasm"] = _ts_node_child_count_wasm = wasmExports2["ts_node_child_count_wasm"];
    Module["_ts_node_named_child_count_wasm"] = _ts_node_named_child_count_wasm = wasmExports2["ts_node_named_child_count_wasm"];
    Module["_ts_node_child_wasm"] = _ts_node_child_wasm = wasmExports2["ts_node_child_wasm"];
    Module["_ts_node_named_child_wasm"] = _ts_node_named_child_wasm = wasmExports2["ts_node_named_child_wasm"];
    Module["_ts_node_child_by_field_id_wasm"] = _ts_node_child_by_field_id_wasm = wasmExports2["ts_node_child_by_field_id_wasm"];
    Module["_ts_node_next_sibling_wasm"] = _ts_node_next_sibling_wasm = wasmExports2["ts_node_next_sibling_wasm"];
    Module["_ts_node_prev_sibling_wasm"] = _ts_node_prev_sibling_wasm = wasmExports2["ts_node_prev_sibling_wasm"];
    Module["_ts_node_next_named_sibling_wasm"] = _ts_node_next_named_sibling_wasm = wasmExports2["ts_node_next_named_sibling_wasm"];
    Module["_ts_node_prev_named_sibling_wasm"] = _ts_node_prev_named_sibling_wasm = wasmExports2["ts_node_prev_named_sibling_wasm"];
    Module["_ts_node_descendant_count_wasm"] = _ts_node_descendant_count_wasm = wasmExports2["ts_node_descendant_count_wasm"];
    Module["_ts_node_parent_wasm"] = _ts_node_parent_wasm = wasmExports2["ts_node_parent_wasm"];
    Module["_ts_node_child_with_descendant_wasm"] = _ts_node_child_with_descendant_wasm = wasmExports2["ts_node_child_with_descendant_wasm"];
    Module["_ts_node_descendant_for_index_wasm"] = _ts_node_descendant_for_index_wasm = wasmExports2["ts_node_descendant_for_index_wasm"];
    Module["_ts_node_named_descendant_for_index_wasm"] = _ts_node_named_descendant_for_index_wasm = wasmExports2["ts_node_named_descendant_for_index_wasm"];
    Module["_ts_node_descendant_for_position_wasm"] = _ts_node_descendant_for_position_wasm = wasmExports2["ts_node_descendant_for_position_wasm"];
    Module["_ts_node_named_descendant_for_position_wasm"] = _ts_node_named_descendant_for_position_wasm = wasmExports2["ts_node_named_descendant_for_position_wasm"];
    Module["_ts_node_start_point_wasm"] = _ts_node_start_point_wasm = wasmExports2["ts_node_start_point_wasm"];
    Module["_ts_node_end_point_wasm"] = _ts_node_end_point_wasm = wasmExports2["ts_node_end_point_wasm"];
    Module["_ts_node_start_index_wasm"] = _ts_node_start_index_wasm = wasmExports2["ts_node_start_index_wasm"];
    Module["_ts_node_end_index_wasm"] = _ts_node_end_index_wasm = wasmExports2["ts_node_end_index_wasm"];
    Module["_ts_node_to_string_wasm"] = _ts_node_to_string_wasm = wasmExports2["ts_node_to_string_wasm"];
    Module["_ts_node_children_wasm"] = _ts_node_children_wasm = wasmExports2["ts_node_children_wasm"];
    Module["_ts_node_named_children_wasm"] = _ts_node_named_children_wasm = wasmExports2["ts_node_named_children_wasm"];
    Module["_ts_node_descendants_of_type_wasm"] = _ts_node_descendants_of_type_wasm = wasmExports2["ts_node_descendants_of_type_wasm"];
    Module["_ts_node_is_named_wasm"] = _ts_node_is_named_wasm = wasmExports2["ts_node_is_named_wasm"];
    Module["_ts_node_has_changes_wasm"] = _ts_node_has_changes_wasm = wasmExports2["ts_node_has_changes_wasm"];
    Module["_ts_node_has_error_wasm"] = _ts_node_has_error_wasm = wasmExports2["ts_node_has_error_wasm"];
    Module["_ts_node_is_error_wasm"] = _ts_node_is_error_wasm = wasmExports2["ts_node_is_error_wasm"];
    Module["_ts_node_is_missing_wasm"] = _ts_node_is_missing_wasm = wasmExports2["ts_node_is_missing_wasm"];
    Module["_ts_node_is_extra_wasm"] = _ts_node_is_extra_wasm = wasmExports2["ts_node_is_extra_wasm"];
    Module["_ts_node_parse_state_wasm"] = _ts_node_parse_state_wasm = wasmExports2["ts_node_parse_state_wasm"];
    Module["_ts_node_next_parse_state_wasm"] = _ts_node_next_parse_state_wasm = wasmExports2["ts_node_next_parse_state_wasm"];
    Module["_ts_query_matches_wasm"] = _ts_query_matches_wasm = wasmExports2["ts_query_matches_wasm"];
    Module["_ts_query_captures_wasm"] = _ts_query_captures_wasm = wasmExports2["ts_query_captures_wasm"];
    Module["_memset"] = _memset = wasmExports2["memset"];
    Module["_memcpy"] = _memcpy = wasmExports2["memcpy"];
    Module["_memmove"] = _memmove = wasmExports2["memmove"];
    Module["_iswalpha"] = _iswalpha = wasmExports2["iswalpha"];
    Module["_iswblank"] = _iswblank = wasmExports2["iswblank"];
    Module["_iswdigit"] = _iswdigit = wasmExports2["iswdigit"];
    Module["_iswlower"] = _iswlower = wasmExports2["iswlower"];
    Module["_iswpunct"] = _iswpunct = wasmExports2["iswpunct"];
    Module["_iswupper"] = _iswupper = wasmExports2["iswupper"];
    Module["_iswxdigit"] = _iswxdigit = wasmExports2["iswxdigit"];
    Module["_memchr"] = _memchr = wasmExports2["memchr"];
    Module["_strlen"] = _strlen = wasmExports2["strlen"];
    Module["_strcmp"] = _strcmp = wasmExports2["strcmp"];
    Module["_strncat"] = _strncat = wasmExports2["strncat"];
    Module["_strncpy"] = _strncpy = wasmExports2["strncpy"];
    Module["_towlower"] = _towlower = wasmExports2["towlower"];
    Module["_towupper"] = _towupper = wasmExports2["towupper"];
    _setThrew = wasmExports2["setThrew"];
    __emscripten_stack_restore = wasmExports2["_emscripten_stack_restore"];
    __emscripten_stack_alloc = wasmExports2["_emscripten_stack_alloc"];
    _emscripten_stack_get_current = wasmExports2["emscripten_stack_get_current"];
    ___wasm_apply_data_relocs = wasmExports2["__wasm_apply_data_relocs"];
  }
  __name(assignWasmExports, "assignWasmExports");
  var wasmImports = {
    /** @export */
    __heap_base: ___heap_base,
    /** @export */
    __indirect_function_table: wasmTable,
    /** @export */
    __memory_base: ___memory_base,
    /** @export */
    __stack_high: ___stack_high,
    /** @export */
    __stack_low: ___stack_low,
    /** @export */
    __stack_pointer: ___stack_pointer,
    /** @export */
    __table_base: ___table_base,
    /** @export */
    _abort_js: __abort_js,
    /** @export */
    emscripten_resize_heap: _emscripten_resize_heap,
    /** @export */
    fd_close: _fd_close,
    /** @export */
    fd_seek: _fd_seek,
    /** @export */
    fd_write: _fd_write,
    /** @export */
    memory: wasmMemory,
    /** @export */
    tree_sitter_log_callback: _tree_sitter_log_callback,
    /** @export */
    tree_sitter_parse_callback: _tree_sitter_parse_callback,
    /** @export */
    tree_sitter_progress_callback: _tree_sitter_progress_callback,
    /** @export */
    tree_sitter_query_progress_callback: _tree_sitter_query_progress_callback
  };
  function callMain(args2 = []) {
    var entryFunction = resolveGlobalSymbol("main").sym;
    if (!entryFunction) return;
    args2.unshift(thisProgram);
    var argc = args2.length;
    var argv = stackAlloc((argc + 1) * 4);
    var argv_ptr = argv;
    args2.forEach((arg) => {
      LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, stringToUTF8OnStack(arg));
      argv_ptr += 4;
    });
    LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, 0);
    try {
      var ret = entryFunction(argc, argv);
      exitJS(
        ret,
        /* implicit = */
        true
      );
      return ret;
    } catch (e) {
      return handleException(e);
    }
  }
  __name(callMain, "callMain");
  function run(args2 = arguments_) {
    if (runDependencies > 0) {
      dependenciesFulfilled = run;
      return;
    }
    preRun();
    if (runDependencies > 0) {
      dependenciesFulfilled = run;
      return;
    }
    function doRun() {
      Module["calledRun"] = true;
      if (ABORT) return;
      initRuntime();
      preMain();
      readyPromiseResolve?.(Module);
      Module["onRuntimeInitialized"]?.();
      var noInitialRun = Module["noInitialRun"] || false;
      if (!noInitialRun) callMain(args2);
      postRun();
    }
    __name(doRun, "doRun");
    if (Module["setStatus"]) {
      Module["setStatus"]("Running...");
      setTimeout(() => {
        setTimeout(() => Module["setStatus"](""), 1);
        doRun();
      }, 1);
    } else {
      doRun();
    }
  }
  __name(run, "run");
  var wasmExports;
  wasmExports = await createWasm();
  run();
  if (runtimeInitialized) {
    moduleRtn = Module;
  } else {
    moduleRtn = new Promise((resolve, reject) => {
      readyPromiseResolve = resolve;
      readyPromiseReject = reject;
    });
  }
  return moduleRtn;
}
__name(Module2, "Module");
var web_tree_sitter_default = Module2;
var Module3 = null;
async function initializeBinding(moduleOptions) {
  return Module3 ??= await web_tree_sitter_default(moduleOptions);
}
__name(initializeBinding, "initializeBinding");
function checkModule() {
  return !!Module3;
}
__name(checkModule, "checkModule");
var TRANSFER_BUFFER;
var LANGUAGE_VERSION;
var MIN_COMPATIBLE_VERSION;
var finalizer4 = newFinalizer((addresses) => {
  C._ts_parser_delete(addresses[0]);
  C._free(addresses[1]);
});
var Parser3 = class {
  static {
    __name(this, "Parser");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  [1] = 0;
  // Internal handle for Wasm
  /** @internal */
  logCallback = null;
  /** The parser's current language. */
  language = null;
  /**
   * This must always be called before creating a Parser.
   *
   * You can optionally pass in options to configure the Wasm module, the most common
   * one being `locateFile` to help the module find the `.wasm` file.
   */
  static async init(moduleOptions) {
    setModule(await initializeBinding(moduleOptions));
    TRANSFER_BUFFER = C._ts_init();
    LANGUAGE_VERSION = C.getValue(TRANSFER_BUFFER, "i32");
    MIN_COMPATIBLE_VERSION = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /**
   * Create a new parser.
   */
  constructor() {
    this.initialize();
    finalizer4?.register(this, [this[0], this[1]], this);
  }
  /** @internal */
  initialize() {
    if (!checkModule()) {
      throw new Error("cannot construct a Parser before calling `init()`");
    }
    C._ts_parser_new_wasm();
    this[0] = C.getValue(TRANSFER_BUFFER, "i32");
    this[1] = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /** Delete the parser, freeing its resources. */
  delete() {
    finalizer4?.unregister(this);
    C._ts_parser_delete(this[0]);
    C._free(this[1]);
    this[0] = 0;
    this[1] = 0;
  }
  /**
   * Set the language that the parser should use for parsing.
   *
   * If the language was not successfully assigned, an error will be thrown.
   * This happens if the language was generated with an incompatible
   * version of the Tree-sitter CLI. Check the language's version using
   * {@link Language#version} and compare it to this library's
   * {@link LANGUAGE_VERSION} and {@link MIN_COMPATIBLE_VERSION} constants.
   */
  setLanguage(language) {
    let address;
    if (!language) {
      address = 0;
      this.language = null;
    } else if (language.constructor === Language) {
      address = language[0];
      const version = C._ts_language_abi_version(address);
      if (version < MIN_COMPATIBLE_VERSION || LANGUAGE_VERSION < version) {
        throw new Error(
          `Incompatible language version ${version}. Compatibility range ${MIN_COMPATIBLE_VERSION} through ${LANGUAGE_VERSION}.`
        );
      }
      this.language = language;
    } else {
      throw new Error("Argument must be a Language");
    }
    C._ts_parser_set_language(this[0], address);
    return this;
  }
  /**
   * Parse a slice of UTF8 text.
   *
   * @param {string | ParseCallback} callback - The UTF8-encoded text to parse or a callback function.
   *
   * @param {Tree | null} [oldTree] - A previous syntax tree parsed from the same document. If the text of the
   *   document has changed since `oldTree` was created, then you must edit `oldTree` to match
   *   the new text using {@link Tree#edit}.
   *
   * @param {ParseOptions} [options] - Options for parsing the text.
   *  This can be used to set the included ranges, or a progress callback.
   *
   * @returns {Tree | null} A {@link Tree} if parsing succeeded, or `null` if:
   *  - The parser has not yet had a language assigned with {@link Parser#setLanguage}.
   *  - The progress callback returned true.
   */
  parse(callback, oldTree, options) {
    if (typeof callback === "string") {
      C.currentParseCallback = (index) => callback.slice(index);
    } else if (typeof callback === "function") {
      C.currentParseCallback = callback;
    } else {
      throw new Error("Argument must be a string or a function");
    }
    if (options?.progressCallback) {
      C.currentProgressCallback = options.progressCallback;
    } else {
      C.currentProgressCallback = null;
    }
    if (this.logCallback) {
      C.currentLogCallback = this.logCallback;
      C._ts_parser_enable_logger_wasm(this[0], 1);
    } else {
      C.currentLogCallback = null;
      C._ts_parser_enable_logger_wasm(this[0], 0);
    }
    let rangeCount = 0;
    let rangeAddress = 0;
    if (options?.includedRanges) {
      rangeCount = options.includedRanges.length;
      rangeAddress = C._calloc(rangeCount, SIZE_OF_RANGE);
      let address = rangeAddress;
      for (let i2 = 0; i2 < rangeCount; i2++) {
        marshalRange(address, options.includedRanges[i2]);
        address += SIZE_OF_RANGE;
      }
    }
    const treeAddress = C._ts_parser_parse_wasm(
      this[0],
      this[1],
      oldTree ? oldTree[0] : 0,
      rangeAddress,
      rangeCount
    );
    if (!treeAddress) {
      C.currentParseCallback = null;
      C.currentLogCallback = null;
      C.currentProgressCallback = null;
      return null;
    }
    if (!this.language) {
      throw new Error("Parser must have a language to parse");
    }
    const result = new Tree(INTERNAL, treeAddress, this.language, C.currentParseCallback);
    C.currentParseCallback = null;
    C.currentLogCallback = null;
    C.currentProgressCallback = null;
    return result;
  }
  /**
   * Instruct the parser to start the next parse from the beginning.
   *
   * If the parser previously failed because of a callback, 
   * then by default, it will resume where it left off on the
   * next call to {@link Parser#parse} or other parsing functions.
   * If you don't want to resume, and instead intend to use this parser to
   * parse some other document, you must call `reset` first.
   */
  reset() {
    C._ts_parser_reset(this[0]);
  }
  /** Get the ranges of text that the parser will include when parsing. */
  getIncludedRanges() {
    C._ts_parser_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Set the logging callback that a parser should use during parsing. */
  setLogger(callback) {
    if (!callback) {
      this.logCallback = null;
    } else if (typeof callback !== "function") {
      throw new Error("Logger callback must be a function");
    } else {
      this.logCallback = callback;
    }
    return this;
  }
  /** Get the parser's current logger. */
  getLogger() {
    return this.logCallback;
  }
};
var PREDICATE_STEP_TYPE_CAPTURE = 1;
var PREDICATE_STEP_TYPE_STRING = 2;
var QUERY_WORD_REGEX = /[\w-]+/g;
var CaptureQuantifier = {
  Zero: 0,
  ZeroOrOne: 1,
  ZeroOrMore: 2,
  One: 3,
  OneOrMore: 4
};
var isCaptureStep = /* @__PURE__ */ __name((step) => step.type === "capture", "isCaptureStep");
var isStringStep = /* @__PURE__ */ __name((step) => step.type === "string", "isStringStep");
var QueryErrorKind = {
  Syntax: 1,
  NodeName: 2,
  FieldName: 3,
  CaptureName: 4,
  PatternStructure: 5
};
var QueryError = class _QueryError extends Error {
  constructor(kind, info2, index, length) {
    super(_QueryError.formatMessage(kind, info2));
    this.kind = kind;
    this.info = info2;
    this.index = index;
    this.length = length;
    this.name = "QueryError";
  }
  kind;
  info;
  index;
  length;
  static {
    __name(this, "QueryError");
  }
  /** Formats an error message based on the error kind and info */
  static formatMessage(kind, info2) {
    switch (kind) {
      case QueryErrorKind.NodeName:
        return `Bad node name '${info2.word}'`;
      case QueryErrorKind.FieldName:
        return `Bad field name '${info2.word}'`;
      case QueryErrorKind.CaptureName:
        return `Bad capture name @${info2.word}`;
      case QueryErrorKind.PatternStructure:
        return `Bad pattern structure at offset ${info2.suffix}`;
      case QueryErrorKind.Syntax:
        return `Bad syntax at offset ${info2.suffix}`;
    }
  }
};
function parseAnyPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}`
    );
  }
  if (!isCaptureStep(steps[1])) {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}"`
    );
  }
  const isPositive = operator === "eq?" || operator === "any-eq?";
  const matchAll = !operator.startsWith("any-");
  if (isCaptureStep(steps[2])) {
    const captureName1 = steps[1].name;
    const captureName2 = steps[2].name;
    textPredicates[index].push((captures) => {
      const nodes1 = [];
      const nodes2 = [];
      for (const c of captures) {
        if (c.name === captureName1) nodes1.push(c.node);
        if (c.name === captureName2) nodes2.push(c.node);
      }
      const compare = /* @__PURE__ */ __name((n1, n2, positive) => {
        return positive ? n1.text === n2.text : n1.text !== n2.text;
      }, "compare");
      return matchAll ? nodes1.every((n1) => nodes2.some((n2) => compare(n1, n2, isPositive))) : nodes1.some((n1) => nodes2.some((n2) => compare(n1, n2, isPositive)));
    });
  } else {
    const captureName = steps[1].name;
    const stringValue = steps[2].value;
    const matches = /* @__PURE__ */ __name((n) => n.text === stringValue, "matches");
    const doesNotMatch = /* @__PURE__ */ __name((n) => n.text !== stringValue, "doesNotMatch");
    textPredicates[index].push((captures) => {
      const nodes = [];
      for (const c of captures) {
        if (c.name === captureName) nodes.push(c.node);
      }
      const test = isPositive ? matches : doesNotMatch;
      return matchAll ? nodes.every(test) : nodes.some(test);
    });
  }
}
__name(parseAnyPredicate, "parseAnyPredicate");
function parseMatchPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  if (steps[2].type !== "string") {
    throw new Error(
      `Second argument of \`#${operator}\` predicate must be a string. Got @${steps[2].name}.`
    );
  }
  const isPositive = operator === "match?" || operator === "any-match?";
  const matchAll = !operator.startsWith("any-");
  const captureName = steps[1].name;
  const regex = new RegExp(steps[2].value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    const test = /* @__PURE__ */ __name((text, positive) => {
      return positive ? regex.test(text) : !regex.test(text);
    }, "test");
    if (nodes.length === 0) return !isPositive;
    return matchAll ? nodes.every((text) => test(text, isPositive)) : nodes.some((text) => test(text, isPositive));
  });
}
__name(parseMatchPredicate, "parseMatchPredicate");
function parseAnyOfPredicate(steps, index, operator, textPredicates) {
  if (steps.length < 2) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected at least 1. Got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  const isPositive = operator === "any-of?";
  const captureName = steps[1].name;
  const stringSteps = steps.slice(2);
  if (!stringSteps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const values = stringSteps.map((s) => s.value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    if (nodes.length === 0) return !isPositive;
    return nodes.every((text) => values.includes(text)) === isPositive;
  });
}
__name(parseAnyOfPredicate, "parseAnyOfPredicate");
function parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`
    );
  }
  if (!steps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const properties = operator === "is?" ? assertedProperties : refutedProperties;
  if (!properties[index]) properties[index] = {};
  properties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseIsPredicate, "parseIsPredicate");
function parseSetDirective(steps, index, setProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(`Wrong number of arguments to \`#set!\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`);
  }
  if (!steps.every(isStringStep)) {
    throw new Error(`Arguments to \`#set!\` predicate must be strings.".`);
  }
  if (!setProperties[index]) setProperties[index] = {};
  setProperties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseSetDirective, "parseSetDirective");
function parsePattern(index, stepType, stepValueId, captureNames, stringValues, steps, textPredicates, predicates, setProperties, assertedProperties, refutedProperties) {
  if (stepType === PREDICATE_STEP_TYPE_CAPTURE) {
    const name2 = captureNames[stepValueId];
    steps.push({ type: "capture", name: name2 });
  } else if (stepType === PREDICATE_STEP_TYPE_STRING) {
    steps.push({ type: "string", value: stringValues[stepValueId] });
  } else if (steps.length > 0) {
    if (steps[0].type !== "string") {
      throw new Error("Predicates must begin with a literal value");
    }
    const operator = steps[0].value;
    switch (operator) {
      case "any-not-eq?":
      case "not-eq?":
      case "any-eq?":
      case "eq?":
        parseAnyPredicate(steps, index, operator, textPredicates);
        break;
      case "any-not-match?":
      case "not-match?":
      case "any-match?":
      case "match?":
        parseMatchPredicate(steps, index, operator, textPredicates);
        break;
      case "not-any-of?":
      case "any-of?":
        parseAnyOfPredicate(steps, index, operator, textPredicates);
        break;
      case "is?":
      case "is-not?":
        parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties);
        break;
      case "set!":
        parseSetDirective(steps, index, setProperties);
        break;
      default:
        predicates[index].push({ operator, operands: steps.slice(1) });
    }
    steps.length = 0;
  }
}
__name(parsePattern, "parsePattern");
var finalizer5 = newFinalizer((address) => {
  C._ts_query_delete(address);
});
var Query = class {
  static {
    __name(this, "Query");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  exceededMatchLimit;
  /** @internal */
  textPredicates;
  /** The names of the captures used in the query. */
  captureNames;
  /** The quantifiers of the captures used in the query. */
  captureQuantifiers;
  /**
   * The other user-defined predicates associated with the given index.
   *
   * This includes predicates with operators other than:
   * - `match?`
   * - `eq?` and `not-eq?`
   * - `any-of?` and `not-any-of?`
   * - `is?` and `is-not?`
   * - `set!`
   */
  predicates;
  /** The properties for predicates with the operator `set!`. */
  setProperties;
  /** The properties for predicates with the operator `is?`. */
  assertedProperties;
  /** The properties for predicates with the operator `is-not?`. */
  refutedProperties;
  /** The maximum number of in-progress matches for this cursor. */
  matchLimit;
  /**
   * Create a new query from a string containing one or more S-expression
   * patterns.
   *
   * The query is associated with a particular language, and can only be run
   * on syntax nodes parsed with that language. References to Queries can be
   * shared between multiple threads.
   *
   * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
   */
  constructor(language, source) {
    const sourceLength = C.lengthBytesUTF8(source);
    const sourceAddress = C._malloc(sourceLength + 1);
    C.stringToUTF8(source, sourceAddress, sourceLength + 1);
    const address = C._ts_query_new(
      language[0],
      sourceAddress,
      sourceLength,
      TRANSFER_BUFFER,
      TRANSFER_BUFFER + SIZE_OF_INT
    );
    if (!address) {
      const errorId = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      const errorByte = C.getValue(TRANSFER_BUFFER, "i32");
      const errorIndex = C.UTF8ToString(sourceAddress, errorByte).length;
      const suffix = source.slice(errorIndex, errorIndex + 100).split("\n")[0];
      const word = suffix.match(QUERY_WORD_REGEX)?.[0] ?? "";
      C._free(sourceAddress);
      switch (errorId) {
        case QueryErrorKind.Syntax:
          throw new QueryError(QueryErrorKind.Syntax, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
        case QueryErrorKind.NodeName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.FieldName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.CaptureName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.PatternStructure:
          throw new QueryError(errorId, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
      }
    }
    const stringCount = C._ts_query_string_count(address);
    const captureCount = C._ts_query_capture_count(address);
    const patternCount = C._ts_query_pattern_count(address);
    const captureNames = new Array(captureCount);
    const captureQuantifiers = new Array(patternCount);
    const stringValues = new Array(stringCount);
    for (let i2 = 0; i2 < captureCount; i2++) {
      const nameAddress = C._ts_query_capture_name_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      captureNames[i2] = C.UTF8ToString(nameAddress, nameLength);
    }
    for (let i2 = 0; i2 < patternCount; i2++) {
      const captureQuantifiersArray = new Array(captureCount);
      for (let j = 0; j < captureCount; j++) {
        const quantifier = C._ts_query_capture_quantifier_for_id(address, i2, j);
        captureQuantifiersArray[j] = quantifier;
      }
      captureQuantifiers[i2] = captureQuantifiersArray;
    }
    for (let i2 = 0; i2 < stringCount; i2++) {
      const valueAddress = C._ts_query_string_value_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      stringValues[i2] = C.UTF8ToString(valueAddress, nameLength);
    }
    const setProperties = new Array(patternCount);
    const assertedProperties = new Array(patternCount);
    const refutedProperties = new Array(patternCount);
    const predicates = new Array(patternCount);
    const textPredicates = new Array(patternCount);
    for (let i2 = 0; i2 < patternCount; i2++) {
      const predicatesAddress = C._ts_query_predicates_for_pattern(address, i2, TRANSFER_BUFFER);
      const stepCount = C.getValue(TRANSFER_BUFFER, "i32");
      predicates[i2] = [];
      textPredicates[i2] = [];
      const steps = new Array();
      let stepAddress = predicatesAddress;
      for (let j = 0; j < stepCount; j++) {
        const stepType = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        const stepValueId = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        parsePattern(
          i2,
          stepType,
          stepValueId,
          captureNames,
          stringValues,
          steps,
          textPredicates,
          predicates,
          setProperties,
          assertedProperties,
          refutedProperties
        );
      }
      Object.freeze(textPredicates[i2]);
      Object.freeze(predicates[i2]);
      Object.freeze(setProperties[i2]);
      Object.freeze(assertedProperties[i2]);
      Object.freeze(refutedProperties[i2]);
    }
    C._free(sourceAddress);
    this[0] = address;
    this.captureNames = captureNames;
    this.captureQuantifiers = captureQuantifiers;
    this.textPredicates = textPredicates;
    this.predicates = predicates;
    this.setProperties = setProperties;
    this.assertedProperties = assertedProperties;
    this.refutedProperties = refutedProperties;
    this.exceededMatchLimit = false;
    finalizer5?.register(this, address, this);
  }
  /** Delete the query, freeing its resources. */
  delete() {
    finalizer5?.unregister(this);
    C._ts_query_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Iterate over all of the matches in the order that they were found.
   *
   * Each match contains the index of the pattern that matched, and a list of
   * captures. Because multiple patterns can match the same set of nodes,
   * one match may contain captures that appear *before* some of the
   * captures from a previous match.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  matches(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const startContainingPosition = options.startContainingPosition ?? ZERO_POINT;
    const endContainingPosition = options.endContainingPosition ?? ZERO_POINT;
    const startContainingIndex = options.startContainingIndex ?? 0;
    const endContainingIndex = options.endContainingIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (endContainingIndex !== 0 && startContainingIndex > endContainingIndex) {
      throw new Error("`startContainingIndex` cannot be greater than `endContainingIndex`");
    }
    if (endContainingPosition !== ZERO_POINT && (startContainingPosition.row > endContainingPosition.row || startContainingPosition.row === endContainingPosition.row && startContainingPosition.column > endContainingPosition.column)) {
      throw new Error("`startContainingPosition` cannot be greater than `endContainingPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_matches_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      startContainingPosition.row,
      startContainingPosition.column,
      endContainingPosition.row,
      endContainingPosition.column,
      startContainingIndex,
      endContainingIndex,
      matchLimit,
      maxStartDepth
    );
    const rawCount = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array(rawCount);
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    let filteredCount = 0;
    let address = startAddress;
    for (let i2 = 0; i2 < rawCount; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captures = new Array(captureCount);
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        result[filteredCount] = { patternIndex, captures };
        const setProperties = this.setProperties[patternIndex];
        result[filteredCount].setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        result[filteredCount].assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        result[filteredCount].refutedProperties = refutedProperties;
        filteredCount++;
      }
    }
    result.length = filteredCount;
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /**
   * Iterate over all of the individual captures in the order that they
   * appear.
   *
   * This is useful if you don't care about which pattern matched, and just
   * want a single, ordered sequence of captures.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  captures(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const startContainingPosition = options.startContainingPosition ?? ZERO_POINT;
    const endContainingPosition = options.endContainingPosition ?? ZERO_POINT;
    const startContainingIndex = options.startContainingIndex ?? 0;
    const endContainingIndex = options.endContainingIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (endContainingIndex !== 0 && startContainingIndex > endContainingIndex) {
      throw new Error("`startContainingIndex` cannot be greater than `endContainingIndex`");
    }
    if (endContainingPosition !== ZERO_POINT && (startContainingPosition.row > endContainingPosition.row || startContainingPosition.row === endContainingPosition.row && startContainingPosition.column > endContainingPosition.column)) {
      throw new Error("`startContainingPosition` cannot be greater than `endContainingPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_captures_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      startContainingPosition.row,
      startContainingPosition.column,
      endContainingPosition.row,
      endContainingPosition.column,
      startContainingIndex,
      endContainingIndex,
      matchLimit,
      maxStartDepth
    );
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array();
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    const captures = new Array();
    let address = startAddress;
    for (let i2 = 0; i2 < count; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      captures.length = captureCount;
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        const capture = captures[captureIndex];
        const setProperties = this.setProperties[patternIndex];
        capture.setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        capture.assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        capture.refutedProperties = refutedProperties;
        result.push(capture);
      }
    }
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /** Get the predicates for a given pattern. */
  predicatesForPattern(patternIndex) {
    return this.predicates[patternIndex];
  }
  /**
   * Disable a certain capture within a query.
   *
   * This prevents the capture from being returned in matches, and also
   * avoids any resource usage associated with recording the capture.
   */
  disableCapture(captureName) {
    const captureNameLength = C.lengthBytesUTF8(captureName);
    const captureNameAddress = C._malloc(captureNameLength + 1);
    C.stringToUTF8(captureName, captureNameAddress, captureNameLength + 1);
    C._ts_query_disable_capture(this[0], captureNameAddress, captureNameLength);
    C._free(captureNameAddress);
  }
  /**
   * Disable a certain pattern within a query.
   *
   * This prevents the pattern from matching, and also avoids any resource
   * usage associated with the pattern. This throws an error if the pattern
   * index is out of bounds.
   */
  disablePattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    C._ts_query_disable_pattern(this[0], patternIndex);
  }
  /**
   * Check if, on its last execution, this cursor exceeded its maximum number
   * of in-progress matches.
   */
  didExceedMatchLimit() {
    return this.exceededMatchLimit;
  }
  /** Get the byte offset where the given pattern starts in the query's source. */
  startIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    return C._ts_query_start_byte_for_pattern(this[0], patternIndex);
  }
  /** Get the byte offset where the given pattern ends in the query's source. */
  endIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    return C._ts_query_end_byte_for_pattern(this[0], patternIndex);
  }
  /** Get the number of patterns in the query. */
  patternCount() {
    return C._ts_query_pattern_count(this[0]);
  }
  /** Get the index for a given capture name. */
  captureIndexForName(captureName) {
    return this.captureNames.indexOf(captureName);
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternRooted(patternIndex) {
    return C._ts_query_is_pattern_rooted(this[0], patternIndex) === 1;
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternNonLocal(patternIndex) {
    return C._ts_query_is_pattern_non_local(this[0], patternIndex) === 1;
  }
  /**
   * Check if a given step in a query is 'definite'.
   *
   * A query step is 'definite' if its parent pattern will be guaranteed to
   * match successfully once it reaches the step.
   */
  isPatternGuaranteedAtStep(byteIndex) {
    return C._ts_query_is_pattern_guaranteed_at_step(this[0], byteIndex) === 1;
  }
};

// src/parse/terraform/grammar.ts
var parser;
var loading;
function grammarWasmPath() {
  const bundled = fileURLToPath(new URL("./tree-sitter-terraform.wasm", import.meta.url));
  if (existsSync(bundled)) return bundled;
  return createRequire(import.meta.url).resolve("@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm");
}
function loadGrammar() {
  loading ??= (async () => {
    await Parser3.init();
    const language = await Language.load(grammarWasmPath());
    const created = new Parser3();
    created.setLanguage(language);
    parser = created;
  })();
  return loading;
}
function hclParser() {
  if (!parser) throw new Error("terraform grammar not loaded: call terraformParser.init() first");
  return parser;
}

// src/catalog/consumer-modules.ts
var CLOUDPOSSE_LABEL = `
variable "context" { default = {} }
variable "enabled" { default = true }
variable "namespace" { default = null }
variable "tenant" { default = null }
variable "environment" { default = null }
variable "stage" { default = null }
variable "name" { default = null }
variable "attributes" { default = [] }
variable "delimiter" { default = "-" }
variable "tags" { default = {} }

locals {
  enabled = var.enabled
  label = {
    namespace   = var.namespace != null ? var.namespace : try(var.context.namespace, null)
    tenant      = var.tenant != null ? var.tenant : try(var.context.tenant, null)
    environment = var.environment != null ? var.environment : try(var.context.environment, null)
    stage       = var.stage != null ? var.stage : try(var.context.stage, null)
    name        = var.name != null ? var.name : try(var.context.name, null)
  }
  id = join(var.delimiter, compact(concat([local.label.namespace, local.label.tenant, local.label.environment, local.label.stage, local.label.name], var.attributes)))
  label_tags = {
    Name        = local.id
    Namespace   = local.label.namespace
    Tenant      = local.label.tenant
    Environment = local.label.environment
    Stage       = local.label.stage
  }
  tags = merge(try(var.context.tags, {}), { for k, v in local.label_tags : k => v if v != null && v != "" }, var.tags)
}
`;
var TAM_S3_BUCKET = `
variable "create_bucket" { default = true }
variable "bucket" { default = null }
variable "bucket_prefix" { default = null }
variable "force_destroy" { default = false }
variable "expected_bucket_owner" { default = null }
variable "server_side_encryption_configuration" { default = {} }
variable "tags" { default = {} }

resource "aws_s3_bucket" "this" {
  count         = var.create_bucket ? 1 : 0
  bucket        = var.bucket
  bucket_prefix = var.bucket_prefix
  force_destroy = var.force_destroy
  tags          = var.tags
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  count                 = var.create_bucket && length(keys(var.server_side_encryption_configuration)) > 0 ? 1 : 0
  bucket                = aws_s3_bucket.this[0].id
  expected_bucket_owner = var.expected_bucket_owner

  dynamic "rule" {
    for_each = try(flatten([var.server_side_encryption_configuration["rule"]]), [])
    content {
      bucket_key_enabled = try(rule.value.bucket_key_enabled, null)
      dynamic "apply_server_side_encryption_by_default" {
        for_each = try([rule.value.apply_server_side_encryption_by_default], [])
        content {
          sse_algorithm     = apply_server_side_encryption_by_default.value.sse_algorithm
          kms_master_key_id = try(apply_server_side_encryption_by_default.value.kms_master_key_id, null)
        }
      }
    }
  }
}

output "s3_bucket_id" { value = aws_s3_bucket.this[0].id }
output "s3_bucket_arn" { value = aws_s3_bucket.this[0].arn }
`;
var TAM_RDS = `
variable "create_db_instance" { default = true }
variable "identifier" { default = null }
variable "engine" { default = null }
variable "instance_class" { default = null }
variable "replicate_source_db" { default = null }
variable "storage_encrypted" { default = true }
variable "kms_key_id" { default = null }
variable "performance_insights_enabled" { default = false }
variable "performance_insights_kms_key_id" { default = null }
variable "manage_master_user_password" { default = true }
variable "master_user_secret_kms_key_id" { default = null }
variable "create_cloudwatch_log_group" { default = false }
variable "cloudwatch_log_group_kms_key_id" { default = null }
variable "enabled_cloudwatch_logs_exports" { default = [] }
variable "tags" { default = {} }
variable "db_instance_tags" { default = {} }

resource "aws_db_instance" "this" {
  count                           = var.create_db_instance ? 1 : 0
  identifier                      = var.identifier
  engine                          = var.engine
  instance_class                  = var.instance_class
  replicate_source_db             = var.replicate_source_db
  storage_encrypted               = var.storage_encrypted
  kms_key_id                      = var.kms_key_id
  performance_insights_enabled    = var.performance_insights_enabled
  performance_insights_kms_key_id = var.performance_insights_enabled ? var.performance_insights_kms_key_id : null
  manage_master_user_password     = var.replicate_source_db != null ? null : var.manage_master_user_password
  master_user_secret_kms_key_id   = var.manage_master_user_password ? var.master_user_secret_kms_key_id : null
  enabled_cloudwatch_logs_exports = var.enabled_cloudwatch_logs_exports
  tags                            = merge(var.tags, var.db_instance_tags)
}

resource "aws_cloudwatch_log_group" "this" {
  for_each   = toset([for log in var.enabled_cloudwatch_logs_exports : log if var.create_db_instance && var.create_cloudwatch_log_group])
  name       = "/aws/rds/instance/\${var.identifier}/\${each.value}"
  kms_key_id = var.cloudwatch_log_group_kms_key_id
  tags       = var.tags
}

output "db_instance_arn" { value = aws_db_instance.this[0].arn }
output "db_instance_identifier" { value = aws_db_instance.this[0].identifier }
`;
var TAM_RDS_AURORA = `
variable "create" { default = true }
variable "name" { default = "" }
variable "engine" { default = null }
variable "storage_encrypted" { default = true }
variable "kms_key_id" { default = null }
variable "manage_master_user_password" { default = true }
variable "master_user_secret_kms_key_id" { default = null }
variable "cluster_performance_insights_enabled" { default = null }
variable "cluster_performance_insights_kms_key_id" { default = null }
variable "performance_insights_enabled" { default = null }
variable "performance_insights_kms_key_id" { default = null }
variable "instances" { default = {} }
variable "create_cloudwatch_log_group" { default = false }
variable "cloudwatch_log_group_kms_key_id" { default = null }
variable "enabled_cloudwatch_logs_exports" { default = [] }
variable "tags" { default = {} }
variable "cluster_tags" { default = {} }

resource "aws_rds_cluster" "this" {
  count                           = var.create ? 1 : 0
  cluster_identifier              = var.name
  engine                          = var.engine
  storage_encrypted               = var.storage_encrypted
  kms_key_id                      = var.kms_key_id
  manage_master_user_password     = var.manage_master_user_password
  master_user_secret_kms_key_id   = var.manage_master_user_password ? var.master_user_secret_kms_key_id : null
  performance_insights_enabled    = var.cluster_performance_insights_enabled
  performance_insights_kms_key_id = var.cluster_performance_insights_kms_key_id
  tags                            = merge(var.tags, var.cluster_tags)
}

resource "aws_rds_cluster_instance" "this" {
  for_each                        = { for k, v in var.instances : k => v if var.create }
  identifier                      = try(each.value.identifier, "\${var.name}-\${each.key}")
  cluster_identifier              = aws_rds_cluster.this[0].id
  performance_insights_enabled    = try(each.value.performance_insights_enabled, var.performance_insights_enabled)
  performance_insights_kms_key_id = try(each.value.performance_insights_kms_key_id, var.performance_insights_kms_key_id)
  tags                            = merge(var.tags, try(each.value.tags, {}))
}

resource "aws_cloudwatch_log_group" "this" {
  for_each   = toset([for log in var.enabled_cloudwatch_logs_exports : log if var.create && var.create_cloudwatch_log_group])
  name       = "/aws/rds/cluster/\${var.name}/\${each.value}"
  kms_key_id = var.cloudwatch_log_group_kms_key_id
  tags       = var.tags
}

output "cluster_arn" { value = aws_rds_cluster.this[0].arn }
output "cluster_id" { value = aws_rds_cluster.this[0].id }
`;
var TAM_DYNAMODB_TABLE = `
variable "create_table" { default = true }
variable "name" { default = null }
variable "hash_key" { default = null }
variable "server_side_encryption_enabled" { default = false }
variable "server_side_encryption_kms_key_arn" { default = null }
variable "replica_regions" { default = [] }
variable "tags" { default = {} }

resource "aws_dynamodb_table" "this" {
  count    = var.create_table ? 1 : 0
  name     = var.name
  hash_key = var.hash_key

  server_side_encryption {
    enabled     = var.server_side_encryption_enabled
    kms_key_arn = var.server_side_encryption_kms_key_arn
  }

  dynamic "replica" {
    for_each = var.replica_regions
    content {
      region_name = replica.value.region_name
      kms_key_arn = lookup(replica.value, "kms_key_arn", null)
    }
  }

  tags = merge(var.tags, { Name = format("%s", var.name) })
}

output "dynamodb_table_arn" { value = aws_dynamodb_table.this[0].arn }
output "dynamodb_table_id" { value = aws_dynamodb_table.this[0].id }
`;
var TAM_SQS = `
variable "create" { default = true }
variable "name" { default = null }
variable "fifo_queue" { default = false }
variable "kms_master_key_id" { default = null }
variable "kms_data_key_reuse_period_seconds" { default = null }
variable "sqs_managed_sse_enabled" { default = true }
variable "create_dlq" { default = false }
variable "dlq_name" { default = null }
variable "dlq_kms_master_key_id" { default = null }
variable "dlq_sqs_managed_sse_enabled" { default = true }
variable "tags" { default = {} }
variable "dlq_tags" { default = {} }

resource "aws_sqs_queue" "this" {
  count                             = var.create ? 1 : 0
  name                              = var.name
  fifo_queue                        = var.fifo_queue
  kms_master_key_id                 = var.kms_master_key_id
  kms_data_key_reuse_period_seconds = var.kms_data_key_reuse_period_seconds
  sqs_managed_sse_enabled           = var.kms_master_key_id != null ? null : var.sqs_managed_sse_enabled
  tags                              = var.tags
}

resource "aws_sqs_queue" "dlq" {
  count                   = var.create && var.create_dlq ? 1 : 0
  name                    = var.dlq_name != null ? var.dlq_name : "\${var.name}-dlq"
  kms_master_key_id       = var.dlq_kms_master_key_id
  sqs_managed_sse_enabled = var.dlq_kms_master_key_id != null ? null : var.dlq_sqs_managed_sse_enabled
  tags                    = merge(var.tags, var.dlq_tags)
}

output "queue_arn" { value = aws_sqs_queue.this[0].arn }
output "queue_url" { value = aws_sqs_queue.this[0].url }
output "dead_letter_queue_arn" { value = aws_sqs_queue.dlq[0].arn }
`;
var TAM_SNS = `
variable "create" { default = true }
variable "name" { default = null }
variable "fifo_topic" { default = false }
variable "kms_master_key_id" { default = null }
variable "tags" { default = {} }

resource "aws_sns_topic" "this" {
  count             = var.create ? 1 : 0
  name              = var.fifo_topic ? "\${var.name}.fifo" : var.name
  fifo_topic        = var.fifo_topic
  kms_master_key_id = var.kms_master_key_id
  tags              = var.tags
}

output "topic_arn" { value = aws_sns_topic.this[0].arn }
`;
var TAM_LAMBDA = `
variable "create" { default = true }
variable "create_function" { default = true }
variable "create_layer" { default = false }
variable "function_name" { default = "" }
variable "kms_key_arn" { default = null }
variable "use_existing_cloudwatch_log_group" { default = false }
variable "cloudwatch_logs_retention_in_days" { default = null }
variable "cloudwatch_logs_kms_key_id" { default = null }
variable "cloudwatch_logs_tags" { default = {} }
variable "tags" { default = {} }
variable "function_tags" { default = {} }

resource "aws_lambda_function" "this" {
  count         = var.create && var.create_function && !var.create_layer ? 1 : 0
  function_name = var.function_name
  kms_key_arn   = var.kms_key_arn
  tags          = merge(var.tags, var.function_tags)
}

resource "aws_cloudwatch_log_group" "lambda" {
  count             = var.create && var.create_function && !var.create_layer && !var.use_existing_cloudwatch_log_group ? 1 : 0
  name              = "/aws/lambda/\${var.function_name}"
  retention_in_days = var.cloudwatch_logs_retention_in_days
  kms_key_id        = var.cloudwatch_logs_kms_key_id
  tags              = merge(var.tags, var.cloudwatch_logs_tags)
}

output "lambda_function_arn" { value = aws_lambda_function.this[0].arn }
`;
var TAM_EKS = `
variable "create" { default = true }
variable "cluster_name" { default = "" }
variable "iam_role_arn" { default = null }
variable "create_kms_key" { default = true }
variable "cluster_encryption_config" { default = { resources = ["secrets"] } }
variable "kms_key_description" { default = null }
variable "kms_key_deletion_window_in_days" { default = null }
variable "enable_kms_key_rotation" { default = true }
variable "kms_key_enable_default_policy" { default = true }
variable "kms_key_owners" { default = [] }
variable "kms_key_administrators" { default = [] }
variable "kms_key_users" { default = [] }
variable "kms_key_service_users" { default = [] }
variable "kms_key_aliases" { default = [] }
variable "create_cloudwatch_log_group" { default = true }
variable "cloudwatch_log_group_retention_in_days" { default = 90 }
variable "cloudwatch_log_group_kms_key_id" { default = null }
variable "tags" { default = {} }
variable "cluster_tags" { default = {} }

data "aws_caller_identity" "current" {}
data "aws_iam_session_context" "current" {
  arn = data.aws_caller_identity.current.arn
}

locals {
  encrypt = length(var.cluster_encryption_config) > 0
}

resource "aws_eks_cluster" "this" {
  count    = var.create ? 1 : 0
  name     = var.cluster_name
  role_arn = var.iam_role_arn

  dynamic "encryption_config" {
    for_each = local.encrypt ? [var.cluster_encryption_config] : []
    content {
      provider {
        key_arn = var.create_kms_key ? module.kms.key_arn : encryption_config.value.provider_key_arn
      }
      resources = encryption_config.value.resources
    }
  }

  tags = merge(var.tags, var.cluster_tags)
}

resource "aws_cloudwatch_log_group" "this" {
  count             = var.create && var.create_cloudwatch_log_group ? 1 : 0
  name              = "/aws/eks/\${var.cluster_name}/cluster"
  retention_in_days = var.cloudwatch_log_group_retention_in_days
  kms_key_id        = var.cloudwatch_log_group_kms_key_id
  tags              = var.tags
}

module "kms" {
  source                  = "terraform-aws-modules/kms/aws"
  create                  = var.create && var.create_kms_key && local.encrypt
  description             = var.kms_key_description != null ? var.kms_key_description : "\${var.cluster_name} cluster encryption key"
  deletion_window_in_days = var.kms_key_deletion_window_in_days
  enable_key_rotation     = var.enable_kms_key_rotation
  enable_default_policy   = var.kms_key_enable_default_policy
  key_owners              = var.kms_key_owners
  key_administrators      = coalescelist(var.kms_key_administrators, [data.aws_iam_session_context.current.issuer_arn])
  key_users               = concat([var.iam_role_arn], var.kms_key_users)
  key_service_users       = var.kms_key_service_users
  aliases                 = var.kms_key_aliases
  computed_aliases        = { cluster = { name = "eks/\${var.cluster_name}" } }
  tags                    = merge({ terraform-aws-modules = "eks" }, var.tags)
}

output "cluster_arn" { value = aws_eks_cluster.this[0].arn }
output "kms_key_arn" { value = module.kms.key_arn }
`;
var TAM_LOG_GROUP = `
variable "create" { default = true }
variable "name" { default = null }
variable "name_prefix" { default = null }
variable "retention_in_days" { default = null }
variable "kms_key_id" { default = null }
variable "log_group_class" { default = null }
variable "tags" { default = {} }

resource "aws_cloudwatch_log_group" "this" {
  count             = var.create ? 1 : 0
  name              = var.name
  name_prefix       = var.name_prefix
  retention_in_days = var.retention_in_days
  kms_key_id        = var.kms_key_id
  log_group_class   = var.log_group_class
  tags              = var.tags
}

output "cloudwatch_log_group_arn" { value = aws_cloudwatch_log_group.this[0].arn }
output "cloudwatch_log_group_name" { value = aws_cloudwatch_log_group.this[0].name }
`;
var TAM_SECRETS_MANAGER = `
variable "create" { default = true }
variable "name" { default = null }
variable "name_prefix" { default = null }
variable "kms_key_id" { default = null }
variable "recovery_window_in_days" { default = null }
variable "replica" { default = {} }
variable "tags" { default = {} }

resource "aws_secretsmanager_secret" "this" {
  count                   = var.create ? 1 : 0
  name                    = var.name
  name_prefix             = var.name_prefix
  kms_key_id              = var.kms_key_id
  recovery_window_in_days = var.recovery_window_in_days

  dynamic "replica" {
    for_each = var.replica
    content {
      kms_key_id = try(replica.value.kms_key_id, null)
      region     = try(replica.value.region, replica.key)
    }
  }

  tags = var.tags
}

output "secret_arn" { value = aws_secretsmanager_secret.this[0].arn }
`;
var TAM_EC2_INSTANCE = `
variable "create" { default = true }
variable "name" { default = "" }
variable "ami" { default = null }
variable "instance_type" { default = "t3.micro" }
variable "root_block_device" { default = [] }
variable "ebs_block_device" { default = [] }
variable "tags" { default = {} }
variable "instance_tags" { default = {} }

resource "aws_instance" "this" {
  count         = var.create ? 1 : 0
  ami           = var.ami
  instance_type = var.instance_type

  dynamic "root_block_device" {
    for_each = var.root_block_device
    content {
      encrypted   = try(root_block_device.value.encrypted, null)
      kms_key_id  = lookup(root_block_device.value, "kms_key_id", null)
      volume_size = try(root_block_device.value.volume_size, null)
    }
  }

  dynamic "ebs_block_device" {
    for_each = var.ebs_block_device
    content {
      device_name = ebs_block_device.value.device_name
      encrypted   = try(ebs_block_device.value.encrypted, null)
      kms_key_id  = lookup(ebs_block_device.value, "kms_key_id", null)
    }
  }

  tags = merge({ Name = var.name }, var.instance_tags, var.tags)
}

output "arn" { value = aws_instance.this[0].arn }
`;
var CP_S3_BUCKET = `${CLOUDPOSSE_LABEL}
variable "bucket_name" { default = null }
variable "sse_algorithm" { default = "AES256" }
variable "kms_master_key_arn" { default = "" }
variable "bucket_key_enabled" { default = false }
variable "force_destroy" { default = false }

resource "aws_s3_bucket" "default" {
  count         = local.enabled ? 1 : 0
  bucket        = var.bucket_name != null && var.bucket_name != "" ? var.bucket_name : local.id
  force_destroy = var.force_destroy
  tags          = local.tags
}

resource "aws_s3_bucket_server_side_encryption_configuration" "default" {
  count  = local.enabled ? 1 : 0
  bucket = aws_s3_bucket.default[0].id

  rule {
    bucket_key_enabled = var.bucket_key_enabled
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.sse_algorithm
      kms_master_key_id = var.kms_master_key_arn
    }
  }
}

output "bucket_id" { value = aws_s3_bucket.default[0].id }
output "bucket_arn" { value = aws_s3_bucket.default[0].arn }
`;
var CP_RDS = `${CLOUDPOSSE_LABEL}
variable "engine" { default = null }
variable "instance_class" { default = null }
variable "storage_encrypted" { default = true }
variable "kms_key_arn" { default = "" }
variable "performance_insights_enabled" { default = false }
variable "performance_insights_kms_key_id" { default = null }
variable "manage_master_user_password" { default = false }
variable "master_user_secret_kms_key_id" { default = null }

resource "aws_db_instance" "default" {
  count                           = local.enabled ? 1 : 0
  identifier                      = local.id
  engine                          = var.engine
  instance_class                  = var.instance_class
  storage_encrypted               = var.storage_encrypted
  kms_key_id                      = var.kms_key_arn
  performance_insights_enabled    = var.performance_insights_enabled
  performance_insights_kms_key_id = var.performance_insights_enabled ? var.performance_insights_kms_key_id : null
  manage_master_user_password     = var.manage_master_user_password ? var.manage_master_user_password : null
  master_user_secret_kms_key_id   = var.manage_master_user_password ? var.master_user_secret_kms_key_id : null
  tags                            = local.tags
}

output "instance_arn" { value = aws_db_instance.default[0].arn }
`;
var CP_RDS_CLUSTER = `${CLOUDPOSSE_LABEL}
variable "engine" { default = "aurora" }
variable "cluster_size" { default = 2 }
variable "storage_encrypted" { default = true }
variable "kms_key_arn" { default = "" }
variable "performance_insights_enabled" { default = false }
variable "performance_insights_kms_key_id" { default = "" }

resource "aws_rds_cluster" "primary" {
  count              = local.enabled ? 1 : 0
  cluster_identifier = local.id
  engine             = var.engine
  storage_encrypted  = var.storage_encrypted
  kms_key_id         = var.kms_key_arn
  tags               = local.tags
}

resource "aws_rds_cluster_instance" "default" {
  count                           = local.enabled ? var.cluster_size : 0
  identifier                      = "\${local.id}-\${count.index + 1}"
  cluster_identifier              = aws_rds_cluster.primary[0].id
  performance_insights_enabled    = var.performance_insights_enabled
  performance_insights_kms_key_id = var.performance_insights_enabled ? var.performance_insights_kms_key_id : null
  tags                            = local.tags
}

output "arn" { value = aws_rds_cluster.primary[0].arn }
`;
var CP_DYNAMODB = `${CLOUDPOSSE_LABEL}
variable "hash_key" { default = null }
variable "enable_encryption" { default = true }
variable "server_side_encryption_kms_key_arn" { default = null }

resource "aws_dynamodb_table" "default" {
  count    = local.enabled ? 1 : 0
  name     = local.id
  hash_key = var.hash_key

  server_side_encryption {
    enabled     = var.enable_encryption
    kms_key_arn = var.server_side_encryption_kms_key_arn
  }

  tags = local.tags
}

output "table_arn" { value = aws_dynamodb_table.default[0].arn }
`;
var CP_SNS_TOPIC = `${CLOUDPOSSE_LABEL}
variable "encryption_enabled" { default = true }
variable "kms_master_key_id" { default = "alias/aws/sns" }
variable "sqs_dlq_enabled" { default = false }
variable "sqs_queue_kms_master_key_id" { default = "alias/aws/sqs" }

resource "aws_sns_topic" "this" {
  count             = local.enabled ? 1 : 0
  name              = local.id
  kms_master_key_id = var.encryption_enabled ? var.kms_master_key_id : ""
  tags              = local.tags
}

resource "aws_sqs_queue" "dead_letter_queue" {
  count             = local.enabled && var.sqs_dlq_enabled ? 1 : 0
  name              = "\${local.id}-dlq"
  kms_master_key_id = var.sqs_queue_kms_master_key_id
  tags              = local.tags
}

output "sns_topic_arn" { value = aws_sns_topic.this[0].arn }
`;
var CP_SQS_QUEUE = `${CLOUDPOSSE_LABEL}
variable "kms_master_key_id" { default = null }
variable "kms_data_key_reuse_period_seconds" { default = 300 }
variable "sqs_managed_sse_enabled" { default = true }

resource "aws_sqs_queue" "default" {
  count                             = local.enabled ? 1 : 0
  name                              = local.id
  kms_master_key_id                 = var.kms_master_key_id
  kms_data_key_reuse_period_seconds = var.kms_data_key_reuse_period_seconds
  sqs_managed_sse_enabled           = var.kms_master_key_id != null ? null : var.sqs_managed_sse_enabled
  tags                              = local.tags
}

output "arn" { value = aws_sqs_queue.default[0].arn }
`;
var CP_LAMBDA_FUNCTION = `${CLOUDPOSSE_LABEL}
variable "function_name" { default = null }
variable "kms_key_arn" { default = "" }
variable "cloudwatch_logs_retention_in_days" { default = null }
variable "cloudwatch_logs_kms_key_arn" { default = null }

resource "aws_lambda_function" "this" {
  count         = local.enabled ? 1 : 0
  function_name = var.function_name
  kms_key_arn   = var.kms_key_arn
  tags          = local.tags
}

module "cloudwatch_log_group" {
  source            = "cloudposse/cloudwatch-logs/aws"
  enabled           = local.enabled
  name              = "/aws/lambda/\${var.function_name}"
  kms_key_arn       = var.cloudwatch_logs_kms_key_arn
  retention_in_days = var.cloudwatch_logs_retention_in_days
  tags              = local.tags
}

output "arn" { value = aws_lambda_function.this[0].arn }
`;
var CP_CLOUDWATCH_LOGS = `${CLOUDPOSSE_LABEL}
variable "kms_key_arn" { default = "" }
variable "retention_in_days" { default = 30 }

resource "aws_cloudwatch_log_group" "default" {
  count             = local.enabled ? 1 : 0
  name              = local.id
  retention_in_days = var.retention_in_days
  kms_key_id        = var.kms_key_arn
  tags              = local.tags
}

output "log_group_arn" { value = aws_cloudwatch_log_group.default[0].arn }
output "log_group_name" { value = aws_cloudwatch_log_group.default[0].name }
`;
var CP_EKS_CLUSTER = `${CLOUDPOSSE_LABEL}
variable "cluster_encryption_config_enabled" { default = true }
variable "cluster_encryption_config_kms_key_id" { default = "" }
variable "cluster_encryption_config_kms_key_enable_key_rotation" { default = true }
variable "cluster_encryption_config_kms_key_deletion_window_in_days" { default = 10 }
variable "cluster_encryption_config_kms_key_policy" { default = null }
variable "cluster_encryption_config_resources" { default = ["secrets"] }
variable "enabled_cluster_log_types" { default = [] }
variable "cloudwatch_log_group_kms_key_id" { default = null }

locals {
  create_key       = local.enabled && var.cluster_encryption_config_enabled && var.cluster_encryption_config_kms_key_id == ""
  provider_key_arn = var.cluster_encryption_config_kms_key_id != "" ? var.cluster_encryption_config_kms_key_id : aws_kms_key.cluster[0].arn
}

resource "aws_kms_key" "cluster" {
  count                   = local.create_key ? 1 : 0
  description             = "EKS Cluster \${local.id} Encryption Config KMS Key"
  enable_key_rotation     = var.cluster_encryption_config_kms_key_enable_key_rotation
  deletion_window_in_days = var.cluster_encryption_config_kms_key_deletion_window_in_days
  policy                  = var.cluster_encryption_config_kms_key_policy
  tags                    = local.tags
}

resource "aws_kms_alias" "cluster" {
  count         = local.create_key ? 1 : 0
  name          = format("alias/%v", local.id)
  target_key_id = aws_kms_key.cluster[0].key_id
}

resource "aws_eks_cluster" "default" {
  count = local.enabled ? 1 : 0
  name  = local.id

  dynamic "encryption_config" {
    for_each = var.cluster_encryption_config_enabled ? [1] : []
    content {
      resources = var.cluster_encryption_config_resources
      provider {
        key_arn = local.provider_key_arn
      }
    }
  }

  tags = local.tags
}

resource "aws_cloudwatch_log_group" "default" {
  count      = local.enabled && length(var.enabled_cluster_log_types) > 0 ? 1 : 0
  name       = "/aws/eks/\${local.id}/cluster"
  kms_key_id = var.cloudwatch_log_group_kms_key_id
  tags       = local.tags
}

output "eks_cluster_arn" { value = aws_eks_cluster.default[0].arn }
`;
var CP_EFS = `${CLOUDPOSSE_LABEL}
variable "encrypted" { default = true }
variable "kms_key_id" { default = null }

resource "aws_efs_file_system" "default" {
  count      = local.enabled ? 1 : 0
  encrypted  = var.encrypted
  kms_key_id = var.kms_key_id
  tags       = local.tags
}

output "arn" { value = aws_efs_file_system.default[0].arn }
`;
var CONSUMER_MODULES = [
  { source: "terraform-aws-modules/s3-bucket/aws", hcl: TAM_S3_BUCKET },
  { source: "terraform-aws-modules/rds/aws", hcl: TAM_RDS },
  { source: "terraform-aws-modules/rds-aurora/aws", hcl: TAM_RDS_AURORA },
  { source: "terraform-aws-modules/dynamodb-table/aws", hcl: TAM_DYNAMODB_TABLE },
  { source: "terraform-aws-modules/sqs/aws", hcl: TAM_SQS },
  { source: "terraform-aws-modules/sns/aws", hcl: TAM_SNS },
  { source: "terraform-aws-modules/lambda/aws", hcl: TAM_LAMBDA },
  { source: "terraform-aws-modules/eks/aws", hcl: TAM_EKS },
  { source: "terraform-aws-modules/cloudwatch/aws//modules/log-group", hcl: TAM_LOG_GROUP },
  { source: "terraform-aws-modules/secrets-manager/aws", hcl: TAM_SECRETS_MANAGER },
  { source: "terraform-aws-modules/ec2-instance/aws", hcl: TAM_EC2_INSTANCE },
  { source: "cloudposse/s3-bucket/aws", hcl: CP_S3_BUCKET },
  { source: "cloudposse/rds/aws", hcl: CP_RDS },
  { source: "cloudposse/rds-cluster/aws", hcl: CP_RDS_CLUSTER },
  { source: "cloudposse/dynamodb/aws", hcl: CP_DYNAMODB },
  { source: "cloudposse/sns-topic/aws", hcl: CP_SNS_TOPIC },
  { source: "cloudposse/sqs-queue/aws", hcl: CP_SQS_QUEUE },
  { source: "cloudposse/lambda-function/aws", hcl: CP_LAMBDA_FUNCTION },
  { source: "cloudposse/cloudwatch-logs/aws", hcl: CP_CLOUDWATCH_LOGS },
  { source: "cloudposse/eks-cluster/aws", hcl: CP_EKS_CLUSTER },
  { source: "cloudposse/efs/aws", hcl: CP_EFS }
];

// src/catalog/modules.ts
var TERRAFORM_AWS_MODULES_KMS = `
variable "create" { default = true }
variable "description" { default = null }
variable "key_usage" { default = null }
variable "customer_master_key_spec" { default = null }
variable "custom_key_store_id" { default = null }
variable "bypass_policy_lockout_safety_check" { default = null }
variable "deletion_window_in_days" { default = null }
variable "is_enabled" { default = null }
variable "enable_key_rotation" { default = true }
variable "rotation_period_in_days" { default = null }
variable "multi_region" { default = false }
variable "policy" { default = null }
variable "tags" { default = {} }
variable "enable_default_policy" { default = true }
variable "key_owners" { default = [] }
variable "key_administrators" { default = [] }
variable "key_users" { default = [] }
variable "key_service_users" { default = [] }
variable "source_policy_documents" { default = [] }
variable "override_policy_documents" { default = [] }
variable "aliases" { default = [] }
variable "computed_aliases" { default = {} }
variable "aliases_use_name_prefix" { default = false }
variable "grants" { default = {} }

data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  aliases    = { for k, v in toset(var.aliases) : k => { name = v } }
}

resource "aws_kms_key" "this" {
  count                              = var.create ? 1 : 0
  bypass_policy_lockout_safety_check = var.bypass_policy_lockout_safety_check
  customer_master_key_spec           = var.customer_master_key_spec
  custom_key_store_id                = var.custom_key_store_id
  deletion_window_in_days            = var.deletion_window_in_days
  description                        = var.description
  enable_key_rotation                = var.enable_key_rotation
  is_enabled                         = var.is_enabled
  key_usage                          = var.key_usage
  multi_region                       = var.multi_region
  policy                             = coalesce(var.policy, data.aws_iam_policy_document.this[0].json)
  rotation_period_in_days            = var.rotation_period_in_days
  tags                               = var.tags
}

data "aws_iam_policy_document" "this" {
  count                     = var.create ? 1 : 0
  source_policy_documents   = var.source_policy_documents
  override_policy_documents = var.override_policy_documents

  dynamic "statement" {
    for_each = var.enable_default_policy ? [1] : []
    content {
      sid       = "Default"
      actions   = ["kms:*"]
      resources = ["*"]
      principals {
        type        = "AWS"
        identifiers = ["arn:\${local.partition}:iam::\${local.account_id}:root"]
      }
    }
  }

  dynamic "statement" {
    for_each = length(var.key_owners) > 0 ? [1] : []
    content {
      sid       = "KeyOwner"
      actions   = ["kms:*"]
      resources = ["*"]
      principals {
        type        = "AWS"
        identifiers = var.key_owners
      }
    }
  }

  dynamic "statement" {
    for_each = length(var.key_administrators) > 0 ? [1] : []
    content {
      sid = "KeyAdministration"
      actions = [
        "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*",
        "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource",
        "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion",
        "kms:ReplicateKey", "kms:ImportKeyMaterial"
      ]
      resources = ["*"]
      principals {
        type        = "AWS"
        identifiers = var.key_administrators
      }
    }
  }

  dynamic "statement" {
    for_each = length(var.key_users) > 0 ? [1] : []
    content {
      sid       = "KeyUsage"
      actions   = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
      resources = ["*"]
      principals {
        type        = "AWS"
        identifiers = var.key_users
      }
    }
  }

  dynamic "statement" {
    for_each = length(var.key_service_users) > 0 ? [1] : []
    content {
      sid       = "KeyServiceUsage"
      actions   = ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"]
      resources = ["*"]
      principals {
        type        = "AWS"
        identifiers = var.key_service_users
      }
      condition {
        test     = "Bool"
        variable = "kms:GrantIsForAWSResource"
        values   = [true]
      }
    }
  }
}

resource "aws_kms_alias" "this" {
  for_each      = { for k, v in merge(local.aliases, var.computed_aliases) : k => v if var.create }
  name          = var.aliases_use_name_prefix ? null : "alias/\${each.value.name}"
  name_prefix   = var.aliases_use_name_prefix ? "alias/\${each.value.name}-" : null
  target_key_id = aws_kms_key.this[0].key_id
}

resource "aws_kms_grant" "this" {
  for_each              = { for k, v in var.grants : k => v if var.create }
  name                  = try(each.value.name, each.key)
  key_id                = aws_kms_key.this[0].key_id
  grantee_principal     = each.value.grantee_principal
  operations            = each.value.operations
  retiring_principal    = try(each.value.retiring_principal, null)
  grant_creation_tokens = try(each.value.grant_creation_tokens, null)
  retire_on_delete      = try(each.value.retire_on_delete, null)

  dynamic "constraints" {
    for_each = try([each.value.constraints], [])
    content {
      encryption_context_equals = try(constraints.value.encryption_context_equals, null)
      encryption_context_subset = try(constraints.value.encryption_context_subset, null)
    }
  }
}

output "key_arn" { value = aws_kms_key.this[0].arn }
output "key_id" { value = aws_kms_key.this[0].key_id }
output "key_policy" { value = aws_kms_key.this[0].policy }
output "aliases" { value = aws_kms_alias.this }
output "grants" { value = aws_kms_grant.this }
`;
var CLOUDPOSSE_KMS_KEY = `${CLOUDPOSSE_LABEL}
variable "deletion_window_in_days" { default = 10 }
variable "enable_key_rotation" { default = true }
variable "rotation_period_in_days" { default = null }
variable "alias" { default = "" }
variable "policy" { default = "" }
variable "key_usage" { default = "ENCRYPT_DECRYPT" }
variable "customer_master_key_spec" { default = "SYMMETRIC_DEFAULT" }
variable "multi_region" { default = false }
variable "description" { default = "Parameter Store KMS master key" }

data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}

locals {
  policy = var.policy == "" ? data.aws_iam_policy_document.default.json : var.policy
}

data "aws_iam_policy_document" "default" {
  statement {
    sid       = "Enable IAM User Permissions"
    effect    = "Allow"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:\${data.aws_partition.current.partition}:iam::\${data.aws_caller_identity.current.account_id}:root"]
    }
  }
}

resource "aws_kms_key" "default" {
  count                    = var.enabled ? 1 : 0
  deletion_window_in_days  = var.deletion_window_in_days
  enable_key_rotation      = var.enable_key_rotation
  rotation_period_in_days  = var.rotation_period_in_days
  policy                   = local.policy
  tags                     = local.tags
  description              = var.description
  key_usage                = var.key_usage
  customer_master_key_spec = var.customer_master_key_spec
  multi_region             = var.multi_region
}

resource "aws_kms_alias" "default" {
  count         = var.enabled ? 1 : 0
  name          = coalesce(var.alias, format("alias/%v", local.id))
  target_key_id = aws_kms_key.default[0].id
}

output "key_arn" { value = aws_kms_key.default[0].arn }
output "key_id" { value = aws_kms_key.default[0].key_id }
output "alias_arn" { value = aws_kms_alias.default[0].arn }
output "alias_name" { value = aws_kms_alias.default[0].name }
`;
var MODULE_ROWS = [
  { source: "terraform-aws-modules/kms/aws", hcl: TERRAFORM_AWS_MODULES_KMS },
  { source: "cloudposse/kms-key/aws", hcl: CLOUDPOSSE_KMS_KEY },
  ...CONSUMER_MODULES
];
var REGISTRY_MODULES = MODULE_ROWS.map((row) => ({ ...row, matches: sourcePattern(row.source) }));
function sourcePattern(source) {
  const [address, subfolder] = source.split("//");
  const [namespace, name2, provider] = address.split("/").map(escapeRegExp);
  const registry = `(?:tfr:\\/\\/\\/?)?(?:registry\\.terraform\\.io\\/)?${namespace}\\/${name2}\\/${provider}`;
  const git = `(?:git::)?(?:https:\\/\\/|ssh:\\/\\/git@|git@)?github\\.com[/:]${namespace}\\/terraform-${provider}-${name2}(?:\\.git)?`;
  const sub2 = subfolder ? `\\/\\/${escapeRegExp(subfolder)}` : "";
  return new RegExp(`^(?:${registry}|${git})${sub2}\\/?(?:\\?.*)?$`);
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function registryModuleFor(source) {
  return REGISTRY_MODULES.find((m) => m.matches.test(source.trim()));
}

// src/model/strings.ts
var ANYTHING = /^/;
function flat(text) {
  ANYTHING.test(text);
  return text;
}
function detached(text) {
  return JSON.parse(JSON.stringify(text));
}

// src/parse/terraform/body.ts
function evaluateBody(body2, ev, options) {
  const locations = {};
  return { attrs: fill(locations, body2, ev, options.file, void 0, options.skip), locations };
}
function fill(locations, body2, ev, file, prefix, skip) {
  const attrs = {};
  for (const attribute of body2.attributes) {
    if (skip?.has(attribute.name)) continue;
    attrs[attribute.name] = ev.eval(attribute.expr);
    locations[prefix === void 0 ? attribute.name : pathOf(prefix, attribute.name)] = { file, startLine: attribute.startLine, endLine: attribute.endLine };
  }
  let made;
  for (const block of body2.blocks) {
    if (skip?.has(block.type)) continue;
    const dynamic = block.type === "dynamic";
    const type = dynamic ? block.labels[0] ?? "" : block.type;
    const path = prefix === void 0 ? type : pathOf(prefix, type);
    locations[path] ??= { file, startLine: block.startLine, endLine: block.endLine };
    const elements = dynamic ? expandDynamic(locations, block.body, type, ev, file, path) : [fill(locations, block.body, ev, file, path)];
    const existing = attrs[type];
    if (made?.has(type)) existing.push(...elements);
    else {
      attrs[type] = Array.isArray(existing) ? [...existing, ...elements] : elements;
      made ??= /* @__PURE__ */ new Set();
      made.add(type);
    }
  }
  return attrs;
}
var PATHS = /* @__PURE__ */ new Map();
var MAX_PATHS = 1e4;
var pathCount = 0;
function pathOf(prefix, name2) {
  let named = PATHS.get(prefix);
  const known2 = named?.get(name2);
  if (known2 !== void 0) return known2;
  const path = `${prefix}.${name2}`;
  if (pathCount >= MAX_PATHS) return path;
  if (!named) {
    named = /* @__PURE__ */ new Map();
    PATHS.set(detached(prefix), named);
  }
  const kept = detached(path);
  named.set(detached(name2), kept);
  pathCount++;
  return kept;
}
function expandDynamic(locations, body2, label, ev, file, prefix) {
  const forEach = body2.attributes.find((a) => a.name === "for_each");
  const iteratorAttr = body2.attributes.find((a) => a.name === "iterator");
  const iterator = iteratorAttr?.expr.kind === "variable" ? iteratorAttr.expr.name : label;
  const content = body2.blocks.find((b) => b.type === "content");
  if (!forEach || !content) return [];
  const iteration = ev.iterate(ev.eval(forEach.expr), forEach.expr.text);
  const pairs = "pairs" in iteration ? iteration.pairs : [
    [
      unknown3(`${iterator}.key`, `for_each ${forEach.expr.text} is not known statically`),
      unknown3(`${iterator}.value`, `for_each ${forEach.expr.text} is not known statically`)
    ]
  ];
  return pairs.map(([key, value]) => fill(locations, content.body, ev.with({ [iterator]: { key, value } }), file, prefix));
}

// src/parse/terraform/multiplicity.ts
var MAX_SPELLED_OUT = 50;
var MAX_KEYS = 1e3;
function expansionOf(body2, ev) {
  const count = body2.attributes.find((a) => a.name === "count");
  const forEach = body2.attributes.find((a) => a.name === "for_each");
  if (count) return countExpansion(ev.eval(count.expr), `count = ${count.expr.text}`);
  if (forEach) return forEachExpansion(ev.eval(forEach.expr), `for_each = ${forEach.expr.text}`);
  return { absent: false, scope: {} };
}
function countExpansion(value, text) {
  const options = isOneOf2(value) ? value.options : [value];
  const numbers = options.filter((o) => typeof o === "number");
  if (numbers.length === options.length && numbers.length > 0) {
    const max = Math.max(...numbers);
    if (max <= 0) return { absent: true, scope: {} };
    const indexes = Array.from({ length: Math.min(max, MAX_SPELLED_OUT) }, (_, i2) => i2);
    const index = max <= MAX_SPELLED_OUT ? oneOf(indexes, text) : unknown3("count.index", `${text} has ${max} instances`);
    if (numbers.length === 1) {
      return {
        absent: false,
        multiplicity: { kind: "count", keys: Array.from({ length: Math.min(max, MAX_KEYS) }, (_, i2) => i2) },
        scope: { count: { index } },
        ...max <= MAX_SPELLED_OUT ? { instances: indexes.map((i2) => ({ key: i2, scope: { count: { index: i2 } } })) } : {}
      };
    }
    return { absent: false, multiplicity: { kind: "count" }, conditional: numbers.includes(0) ? text : void 0, scope: { count: { index } } };
  }
  return {
    absent: false,
    multiplicity: { kind: "count" },
    conditional: text,
    scope: { count: { index: unknown3("count.index", `${text} is not known statically`) } }
  };
}
function forEachExpansion(value, text) {
  const pairs = staticPairs(value);
  if (!pairs) {
    const why2 = `${text} is not known statically`;
    return {
      absent: false,
      multiplicity: { kind: "for_each" },
      conditional: text,
      scope: { each: { key: unknown3("each.key", why2), value: unknown3("each.value", why2) } }
    };
  }
  if (pairs.length === 0) return { absent: true, scope: {} };
  const spelled = pairs.length <= MAX_SPELLED_OUT;
  const why = `${text} has ${pairs.length} instances`;
  return {
    absent: false,
    multiplicity: { kind: "for_each", keys: pairs.slice(0, MAX_KEYS).map(([k]) => k) },
    scope: {
      each: {
        key: spelled ? oneOf(
          pairs.map(([k]) => k),
          text
        ) : unknown3("each.key", why),
        value: spelled ? oneOf(
          pairs.map(([, v]) => v),
          text
        ) : unknown3("each.value", why)
      }
    },
    ...spelled ? { instances: pairs.map(([key, value2]) => ({ key, scope: { each: { key, value: value2 } } })) } : {}
  };
}
function staticPairs(value) {
  if (isObjectValue(value)) return Object.entries(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.map((v) => [v, v]);
  return void 0;
}

// src/parse/terraform/instance.ts
var META_ARGUMENTS = /* @__PURE__ */ new Set([
  "count",
  "for_each",
  "depends_on",
  "lifecycle",
  "provider",
  "providers",
  "provisioner",
  "connection"
]);
var MAX_MODULE_DEPTH = 16;
var LOCAL_SOURCE = /^\.\.?\//;
var POLICY_DOCUMENT_ATTRS = /* @__PURE__ */ new Set(["json", "minified_json"]);
var PENDING = { pending: true };
var ModuleInstance = class _ModuleInstance {
  constructor(ctx, source, inputs, call) {
    this.ctx = ctx;
    this.source = source;
    this.inputs = inputs;
    this.call = call;
    this.prefix = call ? `${call.parent.prefix}module.${call.name}.` : "";
    this.fileBases = source.registry ? [] : [ctx.rootDir, source.dir];
    this.evaluator = new Evaluator2(this, ctx.host);
    for (const file of source.files) {
      if (!source.registry) ctx.files.add(file.path);
      for (const block of file.body.blocks) this.index(block, file.path);
    }
  }
  ctx;
  source;
  inputs;
  call;
  prefix;
  fileBases;
  evaluator;
  variables = /* @__PURE__ */ new Map();
  locals = /* @__PURE__ */ new Map();
  outputs = /* @__PURE__ */ new Map();
  moduleCalls = /* @__PURE__ */ new Map();
  dataBlocks = /* @__PURE__ */ new Map();
  cache = /* @__PURE__ */ new Map();
  evaluatedBlocks = /* @__PURE__ */ new Map();
  expansions = /* @__PURE__ */ new Map();
  /** Policy documents of one instance of a data block, by instance key. */
  instanceDocuments = /* @__PURE__ */ new Map();
  children = /* @__PURE__ */ new Map();
  /** Addresses refs point at, by mode (`` or `data.`), type and name: many refs name one resource. */
  refAddresses = /* @__PURE__ */ new Map();
  index(block, file) {
    const [first, second] = block.labels;
    if (block.type === "variable" && first) this.variables.set(first, block);
    else if (block.type === "output" && first) {
      const value = block.body.attributes.find((a) => a.name === "value");
      if (value) this.outputs.set(first, value);
    } else if (block.type === "locals") for (const attr of block.body.attributes) this.locals.set(attr.name, attr);
    else if (block.type === "module" && first) this.moduleCalls.set(first, { block, file });
    else if (block.type === "data" && first && second) this.dataBlocks.set(`${first}.${second}`, { block, file });
  }
  location(span, file) {
    return { file, startLine: span.startLine, endLine: span.endLine };
  }
  /** How many module calls deep this instance is (0 for the root). */
  get depth() {
    return this.call ? this.call.parent.depth + 1 : 0;
  }
  resolve(root, steps, expr, ev) {
    const first = attrOf(steps[0]);
    switch (root) {
      case "var":
        return first === void 0 ? void 0 : { value: this.variable(first), used: 1 };
      case "local":
        return first === void 0 ? void 0 : { value: this.local(first, expr), used: 1 };
      case "path":
        return first === void 0 ? void 0 : { value: this.pathValue(first, expr), used: 1 };
      case "terraform":
        return first === "workspace" ? { value: this.ctx.workspace, used: 1 } : void 0;
      case "module":
        return first === void 0 ? void 0 : this.moduleOutput(first, steps, expr);
      case "data":
        return this.objectRef("data.", attrOf(steps[0]), steps.slice(1), 1, ev);
      case "count":
      case "each":
      case "self":
        return void 0;
      default:
        return this.objectRef("", root, steps, 0, ev);
    }
  }
  /**
   * `type.name.attr` → Ref to `type.name`, or a policy document's JSON. With an index
   * (`type.name[key].attr`) only `type.name` is consumed: the evaluator applies the index (keeping the
   * instance on the Ref) and then the attribute. A policy document's index is evaluated here, in the
   * caller's scope (`[each.key]` of the resource instance), to pick that instance's document.
   */
  objectRef(mode, type, steps, offset, ev) {
    const name2 = attrOf(steps[0]);
    if (type === void 0 || name2 === void 0) return void 0;
    const address = this.refAddress(mode, type, name2);
    const index = steps[1] !== void 0 && "index" in steps[1] ? steps[1].index : void 0;
    const attrAt = index ? 2 : 1;
    const attr = attrOf(steps[attrAt]);
    const data = mode === "data." && type === "aws_iam_policy_document" && POLICY_DOCUMENT_ATTRS.has(attr ?? "") ? this.dataBlocks.get(`${type}.${name2}`) : void 0;
    if (data) {
      const document = index ? this.policyDocument(data.block, data.file, ev.eval(index)) : this.policyDocument(data.block, data.file);
      return { value: document, used: attrAt + 1 + offset };
    }
    if (index) return { value: { $kind: "ref", unit: this.ctx.unit, address, attr: "" }, used: 1 + offset };
    return { value: { $kind: "ref", unit: this.ctx.unit, address, attr: attr ?? "" }, used: (attr === void 0 ? 1 : 2) + offset };
  }
  pathValue(name2, expr) {
    if (name2 === "module") return this.source.registry ? "." : relativePath(this.ctx.rootDir, this.source.dir);
    if (name2 === "root" || name2 === "cwd") return ".";
    return errorValue(expr.text, `no attribute path.${name2}`);
  }
  memo(key, compute, cycle) {
    const hit = this.cache.get(key);
    if (hit === PENDING) return cycle();
    if (hit !== void 0) return hit;
    this.cache.set(key, PENDING);
    const value = compute();
    this.cache.set(key, value);
    return value;
  }
  variable(name2) {
    return this.memo(
      `var.${name2}`,
      () => {
        const given = this.inputs(name2);
        if (given !== void 0) return given;
        const block = this.variables.get(name2);
        if (!block) return unknown3(`var.${name2}`, `variable ${name2} is not declared`);
        const fallback = block.body.attributes.find((a) => a.name === "default");
        return fallback ? this.evaluator.eval(fallback.expr) : unknown3(`var.${name2}`, `variable ${name2} has no default`);
      },
      () => unknown3(`var.${name2}`, `variable ${name2} refers to itself`)
    );
  }
  local(name2, expr) {
    const attr = this.locals.get(name2);
    if (!attr) return errorValue(expr.text, `local.${name2} is not declared`);
    return this.memo(
      `local.${name2}`,
      () => this.evaluator.eval(attr.expr),
      () => unknown3(`local.${name2}`, `local.${name2} refers to itself`)
    );
  }
  output(name2) {
    const attr = this.outputs.get(name2);
    if (!attr) return errorValue(`${this.prefix}${name2}`, `module has no output ${name2}`);
    return this.memo(
      `output.${name2}`,
      () => this.evaluator.eval(attr.expr),
      () => unknown3(`${this.prefix}${name2}`, `output ${name2} refers to itself`)
    );
  }
  moduleOutput(name2, steps, expr) {
    let used = 1;
    if (steps[used] && "index" in steps[used]) used++;
    const output = attrOf(steps[used]);
    if (output === void 0) return { value: unknown3(expr.text, `whole module ${name2} is not evaluated`), used };
    used++;
    const child2 = this.child(name2);
    if (child2.kind === "instance") return { value: child2.instance.output(output), used };
    if (child2.kind === "absent") return { value: errorValue(expr.text, `module ${name2} creates no instance`), used };
    return { value: { $kind: "ref", unit: this.ctx.unit, address: flat(`${this.prefix}module.${name2}`), attr: output }, used };
  }
  /**
   * `<prefix><mode><type>.<name>`, made once per resource named: refs are kept in resources'
   * attributes to the end, so each is one flat string shared by every ref to it, not a rope per join.
   */
  refAddress(mode, type, name2) {
    let byType = this.refAddresses.get(mode);
    if (!byType) {
      byType = /* @__PURE__ */ new Map();
      this.refAddresses.set(mode, byType);
    }
    let byName2 = byType.get(type);
    if (!byName2) {
      byName2 = /* @__PURE__ */ new Map();
      byType.set(type, byName2);
    }
    let address = byName2.get(name2);
    if (address === void 0) {
      address = flat(`${this.prefix}${mode}${type}.${name2}`);
      byName2.set(name2, address);
    }
    return address;
  }
  moduleCallNames() {
    return [...this.moduleCalls.keys()];
  }
  /** The module a call points at: a local folder, a catalog module, or something opaque. */
  child(name2) {
    const cached = this.children.get(name2);
    if (cached) return cached;
    const call = this.moduleCalls.get(name2);
    const child2 = call ? this.createChild(name2, call.block, call.file) : { kind: "absent" };
    this.children.set(name2, child2);
    return child2;
  }
  createChild(name2, block, file) {
    const sourceAttr = block.body.attributes.find((a) => a.name === "source");
    const source = sourceAttr ? this.evaluator.eval(sourceAttr.expr) : void 0;
    if (typeof source !== "string") return { kind: "opaque", source: sourceAttr?.expr.text ?? "" };
    const expansion = expansionOf(block.body, this.evaluator);
    if (expansion.absent) return { kind: "absent" };
    const moduleSource = this.moduleSource(source, block, file);
    if (!moduleSource) return { kind: "opaque", source };
    const site = { name: name2, block, file, parent: this, expansion };
    const scope = this.evaluator.with(expansion.scope);
    const argument = (input) => {
      const attr = block.body.attributes.find((a) => a.name === input && !META_ARGUMENTS.has(a.name) && a.name !== "source" && a.name !== "version");
      return attr ? scope.eval(attr.expr) : void 0;
    };
    return { kind: "instance", instance: new _ModuleInstance(this.ctx, moduleSource, argument, site) };
  }
  moduleSource(source, block, file) {
    if (LOCAL_SOURCE.test(source) && !this.source.registry) {
      const dir = joinPath(this.source.dir, source);
      const where = this.location(block, file);
      if (this.depth >= MAX_MODULE_DEPTH || this.calledFrom(dir)) {
        this.ctx.problems.push(problem(`module ${source} calls itself or nests deeper than ${MAX_MODULE_DEPTH}; not followed`, where));
        return void 0;
      }
      const files = this.ctx.moduleFiles(dir);
      if (!files) {
        this.ctx.problems.push(problem(`module source ${source} (${dir}) has no Terraform files in the scanned tree`, where));
        return void 0;
      }
      return { dir, files };
    }
    const registry = registryModuleFor(source);
    return registry ? { dir: this.source.dir, files: this.ctx.registryFiles(registry), registry: { source: registry.source } } : void 0;
  }
  calledFrom(dir) {
    for (let at = this; at; at = at.call?.parent) if (at.source.dir === dir && !at.source.registry) return true;
    return false;
  }
  /** A resource / data block evaluated once (its count/for_each scope bound), cached and cycle-safe. */
  evaluated(block, file) {
    const hit = this.evaluatedBlocks.get(block);
    if (hit && !("pending" in hit)) return hit;
    if (hit) return { attrs: {}, locations: {}, expansion: { absent: false, scope: {} } };
    this.evaluatedBlocks.set(block, PENDING);
    const expansion = this.expansion(block);
    const body2 = evaluateBody(block.body, this.evaluator.with(expansion.scope), { file, skip: META_ARGUMENTS });
    const result = { ...body2, expansion };
    this.evaluatedBlocks.set(block, result);
    return result;
  }
  /** count/for_each of a resource / data block, evaluated once (cycle-safe: a block counted by itself has one instance). */
  expansion(block) {
    const hit = this.expansions.get(block);
    if (hit && !("pending" in hit)) return hit;
    if (hit) return { absent: false, scope: {} };
    this.expansions.set(block, PENDING);
    const expansion = expansionOf(block.body, this.evaluator);
    this.expansions.set(block, expansion);
    return expansion;
  }
  /**
   * The policy JSON of `data "aws_iam_policy_document"` as a Value (refs and unknowns kept inside).
   * Without `key`, the block's one evaluation (count.index / each bound to all instances, like any
   * declaration marked as many); with a static key, the document of that instance (`[each.key]`,
   * `[0]`), evaluated with its own count.index / each value.
   */
  policyDocument(block, file, key) {
    const where = `data.aws_iam_policy_document.${block.labels[1]}`;
    const instances = key === void 0 ? void 0 : this.expansion(block).instances;
    if (instances && (typeof key === "string" || typeof key === "number")) {
      const instance2 = instances.find((i2) => String(i2.key) === String(key));
      if (!instance2) return errorValue(`${where}${instanceSuffix(key)}.json`, `no instance ${instanceSuffix(key)} of ${where}`);
      return this.instanceDocument(block, file, instance2);
    }
    const hit = this.evaluatedBlocks.get(block);
    if (hit && "pending" in hit) return unknown3(`${where}.json`, "policy document refers to itself");
    return documentJson(this.evaluated(block, file).attrs);
  }
  instanceDocument(block, file, instance2) {
    let documents = this.instanceDocuments.get(block);
    if (!documents) {
      documents = /* @__PURE__ */ new Map();
      this.instanceDocuments.set(block, documents);
    }
    const key = String(instance2.key);
    const hit = documents.get(key);
    if (hit === PENDING)
      return unknown3(`data.aws_iam_policy_document.${block.labels[1]}${instanceSuffix(instance2.key)}.json`, "policy document refers to itself");
    if (hit !== void 0) return hit;
    documents.set(key, PENDING);
    const body2 = evaluateBody(block.body, this.evaluator.with(instance2.scope), { file, skip: META_ARGUMENTS });
    const value = documentJson(body2.attrs);
    documents.set(key, value);
    return value;
  }
  /** The provider configuration a resource uses, as `aws` or `aws.alias`, seen from the root module. */
  providerKey(local) {
    return this.call ? this.call.parent.providerKey(passedProvider(this.call.block, local)) : local;
  }
  /** Root of the instance tree. */
  get root() {
    return this.call ? this.call.parent.root : this;
  }
  /** `default_tags { tags = … }` and static `region` of a provider configuration of this (root) module, read once per provider. */
  providerSettings(providerKey) {
    const cached = this.providerCache.get(providerKey);
    if (cached) return cached;
    const settings = this.readProviderSettings(providerKey);
    this.providerCache.set(providerKey, settings);
    return settings;
  }
  providerCache = /* @__PURE__ */ new Map();
  readProviderSettings(providerKey) {
    const [name2, alias] = providerKey.split(".");
    for (const file of this.source.files) {
      for (const block of file.body.blocks) {
        if (block.type !== "provider" || block.labels[0] !== name2) continue;
        const aliasAttr = block.body.attributes.find((a) => a.name === "alias");
        const blockAlias = aliasAttr ? this.evaluator.eval(aliasAttr.expr) : void 0;
        if ((alias ?? void 0) !== (typeof blockAlias === "string" ? blockAlias : void 0)) continue;
        const tagsAttr = block.body.blocks.find((b) => b.type === "default_tags")?.body.attributes.find((a) => a.name === "tags");
        const regionAttr = block.body.attributes.find((a) => a.name === "region");
        const region = regionAttr ? this.evaluator.eval(regionAttr.expr) : void 0;
        return {
          ...tagsAttr ? { defaultTags: staticStrings(this.evaluator.eval(tagsAttr.expr)) } : {},
          ...typeof region === "string" ? { region } : {}
        };
      }
    }
    return {};
  }
};
function documentJson(attrs) {
  const list2 = (v) => Array.isArray(v) ? v : v === void 0 || v === null ? [] : [v];
  return policyJsonFromDocument(attrs, {
    sourcePolicyDocuments: list2(attrs.source_policy_documents),
    overridePolicyDocuments: list2(attrs.override_policy_documents)
  });
}
function attrOf(step) {
  return step && "attr" in step ? step.attr : void 0;
}
function passedProvider(call, local) {
  const providers = call.body.attributes.find((a) => a.name === "providers");
  if (providers?.expr.kind === "object") {
    for (const item of providers.expr.items) {
      const key = item.key.kind === "literal" ? item.key.value : traversalText(item.key);
      if (key === local) return traversalText(item.value) ?? local;
    }
  }
  return local;
}
function traversalText(expr) {
  const chain = traversalOf(expr);
  if (!chain || chain.steps.some((s) => !("attr" in s))) return void 0;
  return [chain.root, ...chain.steps.map((s) => "attr" in s ? s.attr : "")].join(".");
}
function staticStrings(value) {
  const out2 = {};
  if (value === void 0 || !isObjectValue(value)) return out2;
  for (const [k, v] of Object.entries(value)) if (typeof v === "string") out2[k] = v;
  return out2;
}

// src/parse/terraform/pool.ts
import { existsSync as existsSync2 } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath as fileURLToPath2 } from "node:url";
import { Worker } from "node:worker_threads";

// src/parse/terraform/json-syntax.ts
var LABELS = {
  resource: 2,
  data: 2,
  module: 1,
  variable: 1,
  output: 1,
  provider: 1,
  locals: 0,
  terraform: 0,
  moved: 0,
  import: 0,
  check: 1
};
var ATTRIBUTE_ONLY = /* @__PURE__ */ new Set(["locals", "variable", "output", "module", "moved", "import"]);
var MAP_ATTRIBUTES = /* @__PURE__ */ new Set([
  "tags",
  "tags_all",
  "variables",
  "labels",
  "parameters",
  "triggers",
  "encryption_context_equals",
  "encryption_context_subset",
  "environment_variables",
  "context",
  "inputs",
  "policy",
  "assume_role_policy"
]);
function bodyFromJson(root, tf) {
  if (!tf) return { attributes: root.items.flatMap((item) => attributeOf(item)), blocks: [] };
  const body2 = { attributes: [], blocks: [] };
  for (const item of root.items) {
    const type = keyName(item.key);
    if (type === void 0 || type === "//") continue;
    body2.blocks.push(...labelledBlocks(type, item.value, LABELS[type] ?? 0, []));
  }
  return body2;
}
function labelledBlocks(type, value, labelsLeft, labels) {
  if (value.kind === "tuple") return value.items.flatMap((item) => labelledBlocks(type, item, labelsLeft, labels));
  if (value.kind !== "object") return [];
  if (labelsLeft > 0) {
    return value.items.flatMap((item) => {
      const label = keyName(item.key);
      return label === void 0 ? [] : labelledBlocks(type, item.value, labelsLeft - 1, [...labels, label]);
    });
  }
  return [{ ...lines(value), type, labels, body: blockBody(value, ATTRIBUTE_ONLY.has(type)) }];
}
function blockBody(object, attributesOnly) {
  const body2 = { attributes: [], blocks: [] };
  for (const item of object.items) {
    const name2 = keyName(item.key);
    if (name2 === void 0 || name2 === "//") continue;
    if (!attributesOnly && isBlockValue(name2, item.value)) body2.blocks.push(...nestedBlocks(name2, item.value));
    else body2.attributes.push(...attributeOf(item));
  }
  return body2;
}
function isBlockValue(name2, value) {
  if (MAP_ATTRIBUTES.has(name2)) return false;
  if (value.kind === "object") return true;
  return value.kind === "tuple" && value.items.length > 0 && value.items.every((i2) => i2.kind === "object");
}
function nestedBlocks(type, value) {
  const objects = value.kind === "tuple" ? value.items : [value];
  return objects.flatMap((object) => {
    if (object.kind !== "object") return [];
    if (type === "dynamic") return labelledBlocks(type, object, 1, []);
    return [{ ...lines(object), type, labels: [], body: blockBody(object, false) }];
  });
}
function attributeOf(item) {
  const name2 = keyName(item.key);
  if (name2 === void 0) return [];
  return [{ startLine: item.key.startLine, endLine: item.value.endLine, name: name2, expr: item.value }];
}
function lines(expr) {
  return { startLine: expr.startLine, endLine: expr.endLine };
}
function keyName(key) {
  if (key.kind === "literal" && typeof key.value === "string") return key.value;
  if (key.kind === "template" && key.parts.every((p) => p.kind === "text")) return key.parts.map((p) => p.kind === "text" ? p.value : "").join("");
  return void 0;
}

// src/parse/terraform/text.ts
var SPAN_CHARS = 400;
var QUOTED_ESCAPES = { n: "\n", r: "\r", t: "	", '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f" };
var SourceText = class {
  constructor(text) {
    this.text = text;
  }
  text;
  newlines;
  line(offset) {
    if (this.newlines === void 0) {
      const found = [];
      for (let at = this.text.indexOf("\n"); at >= 0; at = this.text.indexOf("\n", at + 1)) found.push(at);
      this.newlines = found;
    }
    const newlines = this.newlines;
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = low + high >>> 1;
      if (newlines[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  }
  /** The lines of the source from `start` to `end`. */
  lines(start2, end) {
    return { startLine: this.line(start2), endLine: this.line(end) };
  }
  /** The span of the source from `start` to `end`: its lines and its text, shortened. */
  span(start2, end) {
    return { startLine: this.line(start2), endLine: this.line(end), text: this.quote(start2, end) };
  }
  /** The source from `start` to `end` as a message quotes it: on one line, 120 characters at most. */
  quote(start2, end) {
    return shortRange(this.text, start2, Math.min(end, start2 + SPAN_CHARS));
  }
};
function applyStrips(parts2, strips) {
  return parts2.map((part, i2) => {
    if (part.kind !== "text") return part;
    let value = part.value;
    if (strips[i2 - 1]?.right) value = value.replace(/^\s+/, "");
    if (strips[i2 + 1]?.left) value = value.replace(/\s+$/, "");
    return { kind: "text", value };
  });
}
function decodeText(raw, style, atLineStart) {
  const dedented = style.indent > 0 ? dedent(raw, style.indent, atLineStart) : raw;
  return style.quoted ? unescapeQuoted(dedented) : dedented.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
}
var MAY_ESCAPE = /[\\$%]/;
function unescapeQuoted(raw) {
  if (!MAY_ESCAPE.test(raw)) return raw;
  return raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\$\$\{|%%\{/gs, (match, escaped) => {
    if (match === "$${") return "${";
    if (match === "%%{") return "%{";
    if (!escaped) return match;
    if (escaped.length > 1) return String.fromCodePoint(Number.parseInt(escaped.slice(1), 16));
    return QUOTED_ESCAPES[escaped] ?? match;
  });
}
function commonIndent(content) {
  let min = Number.POSITIVE_INFINITY;
  for (const line of content.split("\n")) {
    if (line.trim() === "") continue;
    min = Math.min(min, line.length - line.trimStart().length);
  }
  return Number.isFinite(min) ? min : 0;
}
function dedent(raw, indent, atLineStart) {
  return raw.split("\n").map((line, i2) => i2 > 0 || atLineStart ? line.slice(Math.min(indent, line.length - line.trimStart().length)) : line).join("\n");
}

// src/parse/terraform/direct.ts
var GIVE_UP = /* @__PURE__ */ Symbol("give up");
var OUT_OF_TIME = /* @__PURE__ */ Symbol("out of time");
var CLOCK_EVERY2 = 1024;
var TAB = 9;
var NEWLINE = 10;
var CR = 13;
var SPACE = 32;
var BANG = 33;
var QUOTE = 34;
var HASH = 35;
var DOLLAR = 36;
var PERCENT = 37;
var AMPERSAND = 38;
var LPAREN = 40;
var RPAREN = 41;
var STAR = 42;
var PLUS = 43;
var COMMA = 44;
var DASH = 45;
var DOT = 46;
var SLASH = 47;
var COLON = 58;
var LT = 60;
var EQUALS = 61;
var GT = 62;
var QUESTION = 63;
var LBRACKET = 91;
var BACKSLASH = 92;
var RBRACKET = 93;
var UNDERSCORE = 95;
var LBRACE = 123;
var PIPE = 124;
var RBRACE = 125;
var TILDE = 126;
var isDigit = (c) => c >= 48 && c <= 57;
var isLetter = (c) => c >= 97 && c <= 122 || c >= 65 && c <= 90;
var isIdentStart = (c) => isLetter(c) || c === UNDERSCORE;
var isIdentPart = (c) => isLetter(c) || isDigit(c) || c === UNDERSCORE || c === DASH;
var isHex = (c) => isDigit(c) || c >= 97 && c <= 102 || c >= 65 && c <= 70;
var isBlank = (c) => c === SPACE || c === TAB || c === CR || c === 11 || c === 12;
var BINARY = Object.fromEntries(
  [
    [6, ["*", "/", "%"]],
    [5, ["+", "-"]],
    [4, [">", ">=", "<", "<="]],
    [3, ["==", "!="]],
    [2, ["&&"]],
    [1, ["||"]]
  ].flatMap(([precedence, ops]) => ops.map((op) => [op, { op, precedence }]))
);
function readDirect(text, path, limits, deadline) {
  try {
    return new DirectReader(text, limits, deadline).file(path.endsWith(".tf.json"));
  } catch (stop2) {
    return stop2 === OUT_OF_TIME ? "out of time" : void 0;
  }
}
function giveUp2() {
  throw GIVE_UP;
}
var DirectReader = class {
  constructor(text, limits, deadline) {
    this.text = text;
    this.deadline = deadline;
    this.source = new SourceText(text);
    this.length = text.length;
    this.maxNesting = Math.floor(limits.maxDepth / 4);
  }
  text;
  deadline;
  pos = 0;
  /** Line of `pos` (1-based, counted as tree-sitter counts rows: by `\n`). */
  line = 1;
  /** End offset of the last token read, and its line: spans end there, not after the whitespace that follows. */
  end = 0;
  endLine = 1;
  source;
  length;
  maxNesting;
  /** Steps left before the next look at the clock (the first step looks). */
  untilClock = 0;
  file(tfJson) {
    this.skip();
    if (this.pos >= this.length) return { attributes: [], blocks: [] };
    if (this.code() === LBRACE) {
      const expr = this.expression(0);
      this.skip();
      if (this.pos < this.length || expr.kind !== "object") giveUp2();
      return bodyFromJson(expr, tfJson);
    }
    return this.body(0, false);
  }
  code(at = this.pos) {
    return this.text.charCodeAt(at);
  }
  nest(depth) {
    if (depth >= this.maxNesting) giveUp2();
    this.tick();
    return depth + 1;
  }
  /** One step of work: every `CLOCK_EVERY` steps, a look at the clock. */
  tick() {
    if (this.deadline !== void 0 && --this.untilClock <= 0) {
      if (Date.now() > this.deadline) throw OUT_OF_TIME;
      this.untilClock = CLOCK_EVERY2;
    }
  }
  /** The last token ended at `pos`. */
  mark() {
    this.end = this.pos;
    this.endLine = this.line;
  }
  /** Quoted text from `start` to the end of the last token. */
  quote(start2) {
    return this.source.quote(start2, this.end);
  }
  /** Whitespace and the three comment styles. */
  skip() {
    const text = this.text;
    for (; ; ) {
      const c = text.charCodeAt(this.pos);
      if (c === SPACE || c === TAB || c === CR) this.pos++;
      else if (c === NEWLINE) {
        this.pos++;
        this.line++;
      } else if (c === HASH || c === SLASH && text.charCodeAt(this.pos + 1) === SLASH) {
        const newline = text.indexOf("\n", this.pos);
        this.pos = newline < 0 ? this.length : newline;
      } else if (c === SLASH && text.charCodeAt(this.pos + 1) === STAR) {
        const close = text.indexOf("*/", this.pos + 2);
        if (close < 0) giveUp2();
        this.line += newlinesIn(text, this.pos, close);
        this.pos = close + 2;
      } else return;
    }
  }
  expect(c) {
    this.skip();
    if (this.code() !== c) giveUp2();
    this.pos++;
    this.mark();
  }
  identifier() {
    const text = this.text;
    const start2 = this.pos;
    if (!isIdentStart(text.charCodeAt(start2))) giveUp2();
    let at = start2 + 1;
    for (; ; ) {
      const c = text.charCodeAt(at);
      if (isIdentPart(c)) at++;
      else if (c === COLON && text.charCodeAt(at + 1) === COLON) at += 2;
      else if (c >= 128)
        giveUp2();
      else break;
    }
    this.pos = at;
    this.mark();
    return identifierAt(text, start2, at);
  }
  /** A keyword (`for`, `in`, `if`) at the current position: the whole identifier, as the grammar's lexer takes it. */
  atKeyword(word) {
    if (!this.text.startsWith(word, this.pos)) return false;
    const after = this.code(this.pos + word.length);
    return !isIdentPart(after) && after !== COLON && after < 128;
  }
  body(depth, closed) {
    const body2 = { attributes: [], blocks: [] };
    for (; ; ) {
      this.skip();
      if (this.pos >= this.length) {
        if (closed) giveUp2();
        return fittedBody(body2);
      }
      if (closed && this.code() === RBRACE) return fittedBody(body2);
      const startLine = this.line;
      const name2 = this.identifier();
      this.skip();
      const next = this.code(this.pos + 1);
      if (this.code() === EQUALS && next !== EQUALS && next !== GT) {
        this.pos++;
        const expr = this.expression(depth);
        body2.attributes.push({ startLine, endLine: this.endLine, name: name2, expr });
      } else body2.blocks.push(this.block(startLine, name2, depth));
    }
  }
  block(startLine, type, depth) {
    const labels = [];
    for (; ; ) {
      this.skip();
      const c = this.code();
      if (c === LBRACE) break;
      if (c === QUOTE) {
        const label = this.quoted(depth);
        if (label.kind !== "literal") giveUp2();
        labels.push(label.value);
      } else labels.push(this.identifier());
    }
    this.pos++;
    const body2 = this.body(this.nest(depth), true);
    this.pos++;
    this.mark();
    return { startLine, endLine: this.endLine, type, labels: fitted(labels), body: body2 };
  }
  expression(depth) {
    const nested = this.nest(depth);
    this.skip();
    const start2 = this.pos;
    const startLine = this.line;
    const cond = this.binary(nested, 0);
    this.skip();
    if (this.code() !== QUESTION) return cond;
    this.pos++;
    const whenTrue = this.expression(nested);
    this.skip();
    if (this.code() !== COLON || this.code(this.pos + 1) === COLON) giveUp2();
    this.pos++;
    const whenFalse = this.expression(nested);
    return { startLine, endLine: this.endLine, text: this.quote(start2), kind: "conditional", cond, whenTrue, whenFalse };
  }
  /** Precedence climbing over the grammar's binary operators, left-associative. */
  binary(depth, minPrecedence) {
    const start2 = this.pos;
    const startLine = this.line;
    let left = this.unary(depth);
    let nested = depth;
    for (; ; ) {
      this.skip();
      const operator = this.binaryOperator();
      if (!operator || operator.precedence < minPrecedence) return left;
      nested = this.nest(nested);
      this.pos += operator.op.length;
      this.skip();
      const right = this.binary(nested, operator.precedence + 1);
      left = { startLine, endLine: this.endLine, text: this.quote(start2), kind: "binary", op: operator.op, left, right };
    }
  }
  /** The binary operator at the current position, not consumed. */
  binaryOperator() {
    const c = this.code();
    const next = this.code(this.pos + 1);
    switch (c) {
      case STAR:
      case SLASH:
      case PERCENT:
      case PLUS:
      case DASH:
        return BINARY[String.fromCharCode(c)];
      case GT:
        return next === EQUALS ? BINARY[">="] : BINARY[">"];
      case LT:
        if (next === LT) giveUp2();
        return next === EQUALS ? BINARY["<="] : BINARY["<"];
      case EQUALS:
        return next === EQUALS ? BINARY["=="] : void 0;
      case BANG:
        return next === EQUALS ? BINARY["!="] : void 0;
      case AMPERSAND:
        return next === AMPERSAND ? BINARY["&&"] : giveUp2();
      case PIPE:
        return next === PIPE ? BINARY["||"] : giveUp2();
      default:
        return void 0;
    }
  }
  unary(depth) {
    const c = this.code();
    if (c !== DASH && c !== BANG) return this.term(depth);
    const start2 = this.pos;
    const startLine = this.line;
    this.pos++;
    this.skip();
    const operand = this.unary(this.nest(depth));
    return { startLine, endLine: this.endLine, text: this.quote(start2), kind: "unary", op: c === DASH ? "-" : "!", operand };
  }
  /** A primary (or a parenthesised expression) and its traversals: `.a`, `[k]`, `.0`, `.*`, `[*]`. */
  term(depth) {
    const first = this.pos;
    let expr;
    if (this.code() === LPAREN) {
      this.pos++;
      expr = this.expression(depth);
      this.expect(RPAREN);
    } else expr = this.primary(depth);
    for (; ; ) {
      this.tick();
      this.skip();
      const c = this.code();
      if (c === DOT) {
        const next = this.code(this.pos + 1);
        if (next === DOT) return expr;
        if (next === STAR) {
          this.pos += 2;
          this.mark();
          expr = this.splat(expr, first, depth);
        } else {
          const step = this.dotStep();
          expr = "attr" in step ? { startLine: expr.startLine, endLine: this.endLine, text: this.quote(first), kind: "getAttr", target: expr, name: step.attr } : { startLine: expr.startLine, endLine: this.endLine, text: this.quote(first), kind: "index", target: expr, key: step.index };
        }
      } else if (c === LBRACKET) {
        if (this.text.startsWith("[*]", this.pos)) {
          this.pos += 3;
          this.mark();
          expr = this.splat(expr, first, depth);
        } else {
          const key = this.bracketIndex(depth);
          expr = { startLine: expr.startLine, endLine: this.endLine, text: this.quote(first), kind: "index", target: expr, key };
        }
      } else return expr;
    }
  }
  /** `.name` (an attribute) or `.0` (a legacy index), at a dot. */
  dotStep() {
    const dot = this.pos;
    const next = this.code(dot + 1);
    this.pos++;
    if (isIdentStart(next)) return { attr: this.identifier() };
    if (!isDigit(next)) giveUp2();
    let at = dot + 1;
    while (isDigit(this.code(at))) at++;
    this.pos = at;
    this.mark();
    return { index: { startLine: this.line, endLine: this.line, text: this.quote(dot), kind: "literal", value: Number(this.text.slice(dot + 1, at)) } };
  }
  bracketIndex(depth) {
    this.pos++;
    const key = this.expression(depth);
    this.expect(RBRACKET);
    return key;
  }
  /** The steps a splat takes after `.*` / `[*]`: every attribute and index that follows. */
  splat(target, first, depth) {
    const each = [];
    for (; ; ) {
      this.tick();
      const pos = this.pos;
      const line = this.line;
      this.skip();
      const c = this.code();
      const next = this.code(this.pos + 1);
      if (c === DOT && next !== STAR && next !== DOT) each.push(this.dotStep());
      else if (c === LBRACKET && !this.text.startsWith("[*]", this.pos)) each.push({ index: this.bracketIndex(depth) });
      else {
        this.pos = pos;
        this.line = line;
        break;
      }
    }
    return { startLine: target.startLine, endLine: this.endLine, text: this.quote(first), kind: "splat", target, each: fitted(each) };
  }
  primary(depth) {
    const c = this.code();
    if (isDigit(c)) return this.number();
    if (c === QUOTE) return this.quoted(depth);
    if (c === LT && this.code(this.pos + 1) === LT) return this.heredoc(depth);
    if (c === LBRACKET) return this.tuple(depth);
    if (c === LBRACE) return this.object(depth);
    const start2 = this.pos;
    const startLine = this.line;
    const name2 = this.identifier();
    if (name2 === "true" || name2 === "false" || name2 === "null") {
      return { startLine, endLine: startLine, text: name2, kind: "literal", value: name2 === "null" ? null : name2 === "true" };
    }
    this.skip();
    if (this.code() === LPAREN) return this.call(start2, startLine, name2, depth);
    return { startLine, endLine: startLine, text: shortText(name2), kind: "variable", name: name2 };
  }
  number() {
    const text = this.text;
    const start2 = this.pos;
    let at = start2;
    while (isDigit(text.charCodeAt(at))) at++;
    const after = text.charCodeAt(at);
    if (after === 120 && at === start2 + 1 && text.charCodeAt(start2) === 48) giveUp2();
    if (after === DOT && isDigit(text.charCodeAt(at + 1))) {
      at += 2;
      while (isDigit(text.charCodeAt(at))) at++;
      const e = text.charCodeAt(at);
      if (e === 101 || e === 69) {
        let digits = at + 1;
        const sign = text.charCodeAt(digits);
        if (sign === PLUS || sign === DASH) digits++;
        if (isDigit(text.charCodeAt(digits))) {
          at = digits;
          while (isDigit(text.charCodeAt(at))) at++;
        }
      }
    }
    this.pos = at;
    this.mark();
    return { startLine: this.line, endLine: this.line, text: this.quote(start2), kind: "literal", value: Number(text.slice(start2, at)) };
  }
  call(start2, startLine, name2, depth) {
    this.pos++;
    const { items: args2, expandLast } = this.commaList(RPAREN, depth);
    return { startLine, endLine: this.endLine, text: this.quote(start2), kind: "call", name: name2, args: args2, expandLast };
  }
  tuple(depth) {
    const start2 = this.pos;
    const startLine = this.line;
    this.pos++;
    this.skip();
    if (this.atKeyword("for")) return this.forExpr(start2, startLine, false, depth);
    const { items } = this.commaList(RBRACKET, depth);
    return { startLine, endLine: this.endLine, text: this.quote(start2), kind: "tuple", items };
  }
  /**
   * Expressions separated by commas up to `close` (a trailing comma allowed), which is consumed. In a
   * call (`close` is `)`), the last argument may be followed by `...` instead.
   */
  commaList(close, depth) {
    const items = [];
    let expandLast = false;
    this.skip();
    if (this.code() !== close) {
      for (; ; ) {
        items.push(this.expression(depth));
        this.skip();
        const c = this.code();
        if (c === COMMA) {
          this.pos++;
          this.skip();
          if (this.code() !== close) continue;
        } else if (close === RPAREN && c === DOT && this.text.startsWith("...", this.pos)) {
          this.pos += 3;
          expandLast = true;
          this.skip();
          if (this.code() !== close) giveUp2();
        } else if (c !== close) giveUp2();
        break;
      }
    }
    this.pos++;
    this.mark();
    return { items: fitted(items), expandLast };
  }
  object(depth) {
    const start2 = this.pos;
    const startLine = this.line;
    this.pos++;
    this.skip();
    if (this.atKeyword("for")) return this.forExpr(start2, startLine, true, depth);
    const items = [];
    for (; ; ) {
      this.skip();
      if (this.code() === RBRACE) break;
      const keyStart = this.pos;
      let key = this.expression(depth);
      if (key.kind === "variable" && this.code(keyStart) !== LPAREN)
        key = { startLine: key.startLine, endLine: key.endLine, text: key.text, kind: "literal", value: key.name };
      this.skip();
      const c = this.code();
      const next = this.code(this.pos + 1);
      if (!(c === EQUALS && next !== EQUALS && next !== GT || c === COLON && next !== COLON)) giveUp2();
      this.pos++;
      const value = this.expression(depth);
      items.push({ key, value });
      this.skip();
      if (this.code() === COMMA) this.pos++;
    }
    this.pos++;
    this.mark();
    return { startLine, endLine: this.endLine, text: this.quote(start2), kind: "object", items: fitted(items) };
  }
  /** `[for k, v in coll : v if cond]` / `{for k, v in coll : k => v... if cond}`, at `for`. */
  forExpr(start2, startLine, isObject, depth) {
    this.pos += 3;
    this.skip();
    const names = [this.identifier()];
    this.skip();
    if (this.code() === COMMA) {
      this.pos++;
      this.skip();
      names.push(this.identifier());
      this.skip();
    }
    if (!this.atKeyword("in")) giveUp2();
    this.pos += 2;
    const collection = this.expression(depth);
    this.skip();
    if (this.code() !== COLON || this.code(this.pos + 1) === COLON) giveUp2();
    this.pos++;
    const exprs = [this.expression(depth)];
    let grouping = false;
    if (isObject) {
      this.skip();
      if (!this.text.startsWith("=>", this.pos)) giveUp2();
      this.pos += 2;
      exprs.push(this.expression(depth));
      this.skip();
      if (this.text.startsWith("...", this.pos)) {
        this.pos += 3;
        grouping = true;
      }
    }
    this.skip();
    let cond;
    if (this.atKeyword("if")) {
      this.pos += 2;
      cond = this.expression(depth);
    }
    this.expect(isObject ? RBRACE : RBRACKET);
    return {
      startLine,
      endLine: this.endLine,
      text: this.quote(start2),
      kind: "for",
      keyVar: names.length > 1 ? names[0] : void 0,
      valueVar: names[names.length - 1],
      collection,
      keyExpr: isObject ? exprs[0] : void 0,
      valueExpr: isObject ? exprs[1] ?? exprs[0] : exprs[0],
      cond,
      grouping
    };
  }
  /** A quoted string: a literal when nothing in it is interpolated, else a template. */
  quoted(depth) {
    const text = this.text;
    const start2 = this.pos;
    const startLine = this.line;
    let template;
    let at = start2 + 1;
    for (; ; ) {
      const c = text.charCodeAt(at);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        at += escapeLength(text, at);
        continue;
      }
      if (c === NEWLINE || Number.isNaN(c)) giveUp2();
      if (c === DOLLAR || c === PERCENT) {
        const next = text.charCodeAt(at + 1);
        if (next === LBRACE) {
          if (c === PERCENT) giveUp2();
          template ??= new TemplateBuilder(text, { quoted: true, indent: 0 }, start2 + 1);
          template.text(at);
          this.pos = at;
          template.interpolation(this.interpolation(depth));
          at = this.pos;
          template.from = at;
          continue;
        }
        at += next === c ? text.charCodeAt(at + 2) === LBRACE ? 3 : 2 : 1;
        continue;
      }
      at++;
    }
    this.pos = at + 1;
    this.mark();
    const quoted = this.quote(start2);
    if (!template) return { startLine, endLine: this.endLine, text: quoted, kind: "literal", value: unescapeQuoted(text.slice(start2 + 1, at)) };
    template.text(at);
    return { startLine, endLine: this.endLine, text: quoted, kind: "template", parts: template.parts() };
  }
  /** `${ expr }` with its `~` strip markers, at the `$`. */
  interpolation(depth) {
    this.pos += 2;
    this.skip();
    const left = this.code() === TILDE;
    if (left) {
      this.pos++;
      this.skip();
    }
    if (this.code() === RBRACE) giveUp2();
    const expr = this.expression(depth);
    this.skip();
    const right = this.code() === TILDE;
    if (right) this.pos++;
    this.expect(RBRACE);
    return { expr, left, right };
  }
  /** `<<ID` / `<<-ID` … `ID`: the text between, its interpolations, and `<<-`'s common indentation removed. */
  heredoc(depth) {
    const text = this.text;
    const start2 = this.pos;
    const startLine = this.line;
    let at = start2 + 2;
    const flush = text.charCodeAt(at) === DASH;
    if (flush) at++;
    const idStart = at;
    while (isIdentPart(text.charCodeAt(at))) at++;
    if (at === idStart || text.charCodeAt(at) >= 128) giveUp2();
    const id = text.slice(idStart, at);
    while (isBlank(text.charCodeAt(at))) at++;
    if (text.charCodeAt(at) !== NEWLINE) giveUp2();
    const from = at + 1;
    const closer = this.closingLine(from, id);
    const to = text.lastIndexOf("\n", closer) + 1;
    const template = new TemplateBuilder(text, { quoted: false, indent: flush ? commonIndent(text.slice(from, Math.max(from, to))) : 0 }, from);
    let line = startLine + 1;
    at = from;
    while (at < to) {
      const c = text.charCodeAt(at);
      if (c !== DOLLAR && c !== PERCENT) {
        if (c === NEWLINE) line++;
        at++;
        continue;
      }
      const next = text.charCodeAt(at + 1);
      if (next === LBRACE) {
        if (c === PERCENT) giveUp2();
        template.text(at);
        this.pos = at;
        this.line = line;
        template.interpolation(this.interpolation(depth));
        at = this.pos;
        line = this.line;
        if (at > to) giveUp2();
        template.from = at;
        continue;
      }
      at += next === c ? text.charCodeAt(at + 2) === LBRACE ? 3 : 2 : 1;
    }
    template.text(to);
    this.pos = closer + id.length;
    this.line = line;
    this.mark();
    return { startLine, endLine: this.endLine, text: this.quote(start2), kind: "template", parts: template.parts() };
  }
  /**
   * Offset of the closing identifier: the first line (after the opener) whose first non-blank text
   * is the identifier followed only by blanks and a newline, as the grammar's scanner finds it.
   * A line that starts with the identifier and goes on is read oddly there: tree-sitter reads it.
   */
  closingLine(from, id) {
    const text = this.text;
    let lineStart = from;
    for (; ; ) {
      let at = lineStart;
      while (isBlank(text.charCodeAt(at)) || text.charCodeAt(at) === NEWLINE) at++;
      if (at >= this.length) giveUp2();
      if (text.startsWith(id, at)) {
        let after = at + id.length;
        while (isBlank(text.charCodeAt(after))) after++;
        if (text.charCodeAt(after) === NEWLINE) return at;
        giveUp2();
      }
      const newline = text.indexOf("\n", at);
      if (newline < 0) giveUp2();
      lineStart = newline + 1;
    }
  }
};
function newlinesIn(text, from, to) {
  let count = 0;
  for (let at = text.indexOf("\n", from); at >= 0 && at < to; at = text.indexOf("\n", at + 1)) count++;
  return count;
}
var IDENTIFIERS = /* @__PURE__ */ new Map();
var MAX_IDENTIFIERS = 2e4;
var RECENT = new Array(1024);
function identifierAt(text, start2, end) {
  const length = end - start2;
  const slot = text.charCodeAt(start2) * 31 + text.charCodeAt(end - 1) * 7 + length & 1023;
  const recent = RECENT[slot];
  if (recent !== void 0 && recent.length === length && text.startsWith(recent, start2)) return recent;
  const name2 = text.slice(start2, end);
  let known2 = IDENTIFIERS.get(name2);
  if (known2 === void 0) {
    if (IDENTIFIERS.size >= MAX_IDENTIFIERS) return name2;
    known2 = detached(name2);
    IDENTIFIERS.set(known2, known2);
  }
  RECENT[slot] = known2;
  return known2;
}
function fitted(list2) {
  return list2.length === 0 ? list2 : list2.slice();
}
function fittedBody(body2) {
  return { attributes: fitted(body2.attributes), blocks: fitted(body2.blocks) };
}
function escapeLength(text, at) {
  const c = text.charCodeAt(at + 1);
  if (c === QUOTE || c === BACKSLASH || c === 110 || c === 114 || c === 116) return 2;
  const digits = c === 117 ? 4 : c === 85 ? 8 : 0;
  if (digits === 0) giveUp2();
  for (let i2 = 0; i2 < digits; i2++) if (!isHex(text.charCodeAt(at + 2 + i2))) giveUp2();
  return 2 + digits;
}
var TemplateBuilder = class {
  constructor(source, style, contentStart) {
    this.source = source;
    this.style = style;
    this.contentStart = contentStart;
    this.from = contentStart;
  }
  source;
  style;
  contentStart;
  list = [];
  strips = [];
  /** Where the pending text starts. */
  from;
  /** Closes the pending text at `to`. */
  text(to) {
    if (to <= this.from) return;
    const atLineStart = this.from === this.contentStart || this.source.charCodeAt(this.from - 1) === NEWLINE;
    this.list.push({ kind: "text", value: decodeText(this.source.slice(this.from, to), this.style, atLineStart) });
    this.strips.push({ left: false, right: false });
  }
  interpolation({ expr, left, right }) {
    this.list.push({ kind: "interp", expr });
    this.strips.push({ left, right });
  }
  parts() {
    return applyStrips(this.list, this.strips);
  }
};

// src/parse/terraform/syntax.ts
var EMPTY_BODY = { attributes: [], blocks: [] };
var MAX_SYNTAX_PROBLEMS = 10;
var WATCHED_PARSE_CHARS = 16 * 1024;
var BINARY_OPERATORS = /* @__PURE__ */ new Set(["*", "/", "%", "+", "-", ">", ">=", "<", "<=", "==", "!=", "&&", "||"]);
function parseHclFile(file, limits, reader = "direct-first") {
  return unreadable(file, limits) ?? (reader === "direct-first" ? readReadable(file, limits) : void 0) ?? parseWithTreeSitter(file, limits);
}
function readReadable(file, limits) {
  const deadline = file.text.length < WATCHED_PARSE_CHARS ? void 0 : Date.now() + limits.maxParseMillisPerFile;
  const direct = readDirect(file.text, file.path, limits, deadline);
  if (direct === "out of time") return failed(file.path, outOfTime(limits));
  return direct ? { path: file.path, body: direct, problems: [] } : void 0;
}
function failed(path, message) {
  return { path, body: EMPTY_BODY, problems: [problem(message, { file: path, startLine: 1, endLine: 1 })] };
}
function unreadable(file, limits) {
  if (file.size > limits.maxFileBytes || file.text.length > limits.maxFileBytes) {
    return failed(file.path, `file is larger than the ${limits.maxFileBytes}-byte limit; not parsed`);
  }
  if (file.text.includes("\0")) return failed(file.path, "file contains NUL bytes (binary); not parsed");
  return void 0;
}
function parseWithTreeSitter(file, limits) {
  const root = parseRoot(file.text, limits);
  if (!root.tree) return failed(file.path, root.error);
  try {
    const converter = new Converter(file.text, file.path, limits);
    const cst = copyTree(root.tree, cstDepthLimit(limits));
    const top = cst.namedChildren.find((n) => n.type === "body" || n.type === "object");
    let body2 = EMPTY_BODY;
    if (top?.type === "body") body2 = converter.body(top, 0);
    else if (top?.type === "object") {
      const expr = converter.expression(top, 0);
      if (expr.kind === "object") body2 = bodyFromJson(expr, file.path.endsWith(".tf.json"));
    }
    const problems = [...syntaxProblems(root.tree.rootNode, file.path), ...converter.problems];
    return { path: file.path, body: body2, problems };
  } finally {
    root.tree.delete();
  }
}
function syntaxStageFailure(path, error) {
  return failed(path, `terraform parser failed: ${error instanceof Error ? error.message : String(error)}`);
}
function parseTemplateText(text, path, limits) {
  const marker = "KMS_REVIEW_TEMPLATE_END";
  const wrapped = `t = <<${marker}
${text}
${marker}
`;
  const parsed = parseHclFile({ path, text: wrapped, size: wrapped.length }, limits);
  const attr = parsed.body.attributes[0];
  if (!attr) return { expr: invalidExpr("template could not be read", 1), problems: parsed.problems };
  const expr = attr.expr.kind === "template" ? { ...attr.expr, parts: dropFinalNewline(attr.expr.parts) } : attr.expr;
  const problems = parsed.problems.map((p) => ({
    ...p,
    location: { ...p.location, startLine: Math.max(1, p.location.startLine - 1), endLine: Math.max(1, p.location.endLine - 1) }
  }));
  return { expr, problems };
}
function dropFinalNewline(parts2) {
  const last = parts2[parts2.length - 1];
  if (last?.kind !== "text" || !last.value.endsWith("\n")) return parts2;
  return [...parts2.slice(0, -1), { kind: "text", value: last.value.slice(0, -1) }];
}
function outOfTime(limits) {
  return `parsing took longer than ${limits.maxParseMillisPerFile} ms; not parsed`;
}
function parseRoot(text, limits) {
  const started = Date.now();
  let timedOut = false;
  const options = text.length < WATCHED_PARSE_CHARS ? void 0 : {
    progressCallback: () => {
      timedOut = Date.now() - started > limits.maxParseMillisPerFile;
      return timedOut;
    }
  };
  const tree = hclParser().parse(text, null, options);
  hclParser().reset();
  if (!tree || timedOut) {
    tree?.delete();
    return { tree: void 0, error: outOfTime(limits) };
  }
  return { tree, error: "" };
}
var CstNode = class {
  constructor(type, isNamed, isMissing, startIndex, endIndex, field) {
    this.type = type;
    this.isNamed = isNamed;
    this.isMissing = isMissing;
    this.startIndex = startIndex;
    this.endIndex = endIndex;
    this.field = field;
  }
  type;
  isNamed;
  isMissing;
  startIndex;
  endIndex;
  field;
  children = NO_CHILDREN;
  named;
  get namedChildren() {
    if (this.named === void 0) this.named = this.children.length === 0 ? NO_CHILDREN : this.children.filter((c) => c.isNamed);
    return this.named;
  }
};
var NO_CHILDREN = [];
function cstDepthLimit(limits) {
  return 8 * (limits.maxDepth + 2) + 16;
}
var namedTypes = /* @__PURE__ */ new WeakMap();
function copyTree(tree, maxDepth) {
  const cursor = tree.walk();
  const language = tree.language;
  const types = language.types;
  const isNamed = namedTypes.get(language) ?? [];
  namedTypes.set(language, isNamed);
  const keyField = language.fieldIdForName("key") ?? -1;
  const valField = language.fieldIdForName("val") ?? -1;
  const read = (c, parentType) => {
    const id = c.nodeTypeId;
    const type = types[id] || "ERROR";
    let field = "";
    if (parentType === "object_elem") {
      const fieldId = c.currentFieldId;
      field = fieldId === keyField ? "key" : fieldId === valField ? "val" : "";
    }
    isNamed[id] ??= language.nodeTypeIsNamed(id);
    return new CstNode(type, isNamed[id], type === "heredoc_identifier" && c.nodeIsMissing, c.startIndex, c.endIndex, field);
  };
  try {
    const root = read(cursor, "");
    const parents = [];
    let current = root;
    for (; ; ) {
      if (current.isNamed && parents.length < maxDepth && cursor.gotoFirstChild()) {
        const child2 = read(cursor, current.type);
        current.children = [child2];
        parents.push(current);
        current = child2;
        continue;
      }
      for (; ; ) {
        const parent = parents[parents.length - 1];
        if (parent === void 0) return root;
        if (cursor.gotoNextSibling()) {
          current = read(cursor, parent.type);
          parent.children.push(current);
          break;
        }
        cursor.gotoParent();
        current = parents.pop();
      }
    }
  } finally {
    cursor.delete();
  }
}
function syntaxProblems(root, path) {
  const found = [];
  const stack = root.hasError ? [root] : [];
  while (stack.length > 0 && found.length < MAX_SYNTAX_PROBLEMS) {
    const node = stack.pop();
    const line = node.startPosition.row + 1;
    if (node.isMissing) {
      found.push(problem(`syntax error: missing ${node.type}`, { file: path, startLine: line, endLine: line }));
    } else if (node.isError) {
      const endLine = node.endPosition.row + 1;
      found.push(problem(`syntax error near "${shortText(node.text.slice(0, 200))}"`, { file: path, startLine: line, endLine }));
    } else {
      for (let i2 = node.childCount - 1; i2 >= 0; i2--) {
        const child2 = node.child(i2);
        if (child2 && (child2.hasError || child2.isMissing)) stack.push(child2);
      }
    }
  }
  return found;
}
function invalidExpr(reason, line) {
  return { kind: "invalid", reason, startLine: line, endLine: line, text: "" };
}
var Converter = class {
  constructor(text, path, limits) {
    this.path = path;
    this.limits = limits;
    this.source = new SourceText(text);
  }
  path;
  limits;
  problems = [];
  tooDeepReported = false;
  source;
  text(node) {
    return node ? this.source.text.slice(node.startIndex, node.endIndex) : "";
  }
  line(offset) {
    return this.source.line(offset);
  }
  span(node) {
    return this.source.span(node.startIndex, node.endIndex);
  }
  lines(node) {
    return this.source.lines(node.startIndex, node.endIndex);
  }
  body(node, depth) {
    const body2 = { attributes: [], blocks: [] };
    for (const child2 of node.namedChildren) {
      if (child2.type === "attribute") {
        const attr = this.attribute(child2, depth);
        if (attr) body2.attributes.push(attr);
      } else if (child2.type === "block") {
        const block = this.block(child2, depth);
        if (block) body2.blocks.push(block);
      }
    }
    return body2;
  }
  attribute(node, depth) {
    const name2 = node.namedChildren.find((c) => c.type === "identifier");
    const value = node.namedChildren.filter((c) => c.type === "expression").pop();
    if (!name2) return void 0;
    const expr = value ? this.expression(value, depth) : invalidExpr("attribute without a value", this.line(node.startIndex));
    return { ...this.lines(node), name: this.text(name2), expr };
  }
  block(node, depth) {
    const [typeNode, ...rest] = node.namedChildren;
    if (typeNode?.type !== "identifier") return void 0;
    if (depth > this.limits.maxDepth) return this.tooDeep(node) && void 0;
    const labels = [];
    let body2 = EMPTY_BODY;
    for (const child2 of rest) {
      if (child2.type === "identifier") labels.push(this.text(child2));
      else if (child2.type === "string_lit") labels.push(this.stringLit(child2));
      else if (child2.type === "body") body2 = this.body(child2, depth + 1);
    }
    return { ...this.lines(node), type: this.text(typeNode), labels, body: body2 };
  }
  tooDeep(node) {
    if (!this.tooDeepReported) {
      this.tooDeepReported = true;
      const line = this.line(node.startIndex);
      this.problems.push(
        problem(`nesting deeper than ${this.limits.maxDepth} levels; the rest of this expression is ignored`, {
          file: this.path,
          startLine: line,
          endLine: line
        })
      );
    }
    return invalidExpr("nested too deeply", this.line(node.startIndex));
  }
  /** An `expression` node or any node that stands for one expression. */
  expression(node, depth) {
    if (depth > this.limits.maxDepth) return this.tooDeep(node);
    if (node.type !== "expression") return this.primary(node, depth);
    const children = node.children.filter((c) => c.type !== "comment");
    if (children.length === 1 && children[0].type === "conditional") return this.primary(children[0], depth);
    return this.term(children, node, depth);
  }
  /** A primary followed by postfix traversals, as tree-sitter flattens `_expr_term`. */
  term(nodes, whole, depth) {
    if (nodes.length === 0) return invalidExpr("empty expression", this.line(whole.startIndex));
    let rest = nodes;
    let expr;
    if (nodes[0].type === "(") {
      const inner = nodes.find((n) => n.type === "expression");
      const close = nodes.findIndex((n) => n.type === ")");
      expr = inner ? this.expression(inner, depth + 1) : invalidExpr("empty parentheses", this.line(whole.startIndex));
      rest = close >= 0 ? nodes.slice(close + 1) : [];
    } else {
      expr = this.primary(nodes[0], depth);
      rest = nodes.slice(1);
    }
    for (const post of rest) {
      const span = { startLine: expr.startLine, endLine: this.line(post.endIndex), text: this.spanText(nodes[0], post) };
      if (post.type === "get_attr") expr = { ...span, kind: "getAttr", target: expr, name: this.text(post.namedChildren[0]) };
      else if (post.type === "index") expr = { ...span, kind: "index", target: expr, key: this.indexKey(post, depth) };
      else if (post.type === "splat") {
        const splat = post.namedChildren[0];
        const each = (splat?.namedChildren ?? []).map(
          (s) => s.type === "get_attr" ? { attr: this.text(s.namedChildren[0]) } : { index: this.indexKey(s, depth) }
        );
        expr = { ...span, kind: "splat", target: expr, each };
      } else if (post.type === "ERROR") {
        return invalidExpr("syntax error", this.line(post.startIndex));
      }
    }
    return expr;
  }
  spanText(first, last) {
    return this.source.quote(first.startIndex, last.endIndex);
  }
  indexKey(index, depth) {
    const inner = index.namedChildren[0];
    if (inner?.type === "legacy_index") return { ...this.span(inner), kind: "literal", value: Number(this.text(inner).slice(1)) };
    const expr = inner?.namedChildren.find((c) => c.type === "expression");
    return expr ? this.expression(expr, depth + 1) : invalidExpr("empty index", this.line(index.startIndex));
  }
  primary(node, depth) {
    const span = this.span(node);
    const named = node.namedChildren;
    switch (node.type) {
      case "expression":
        return this.expression(node, depth + 1);
      case "literal_value":
        return this.literal(named[0] ?? node);
      case "template_expr":
        return this.template(named[0] ?? node, depth);
      case "collection_value":
      case "operation":
      case "for_expr":
        return named[0] ? this.primary(named[0], depth) : invalidExpr("empty expression", span.startLine);
      case "variable_expr":
        return { ...span, kind: "variable", name: this.text(node) };
      case "tuple":
        return { ...span, kind: "tuple", items: named.filter((c) => c.type === "expression").map((c) => this.expression(c, depth + 1)) };
      case "object":
        return { ...span, kind: "object", items: named.filter((c) => c.type === "object_elem").map((c) => this.objectElem(c, depth + 1)) };
      case "function_call": {
        const args2 = named.find((c) => c.type === "function_arguments");
        const argNodes = args2?.namedChildren ?? [];
        return {
          ...span,
          kind: "call",
          name: this.text(named[0]),
          args: argNodes.filter((c) => c.type === "expression").map((c) => this.expression(c, depth + 1)),
          expandLast: argNodes.some((c) => c.type === "ellipsis")
        };
      }
      case "conditional":
        return this.conditional(node, depth);
      case "binary_operation": {
        const children = node.children.filter((c) => c.type !== "comment");
        const at = children.findIndex((c) => !c.isNamed && BINARY_OPERATORS.has(c.type));
        if (at <= 0) return invalidExpr("malformed operation", span.startLine);
        const left = this.term(children.slice(0, at), node, depth + 1);
        const right = this.term(children.slice(at + 1), node, depth + 1);
        return { ...span, kind: "binary", op: children[at].type, left, right };
      }
      case "unary_operation": {
        const [op, ...operand] = node.children.filter((c) => c.type !== "comment");
        return { ...span, kind: "unary", op: op.type, operand: this.term(operand, node, depth + 1) };
      }
      case "for_tuple_expr":
      case "for_object_expr":
        return this.forExpr(node, depth);
      default:
        return invalidExpr(node.type === "ERROR" ? "syntax error" : `unsupported syntax ${node.type}`, span.startLine);
    }
  }
  /**
   * `a ? b : c ? d : e` as Terraform reads it, `a ? b : (c ? d : e)`: the grammar nests such a chain
   * the other way (`(a ? b : c) ? d : e`), so its operands are taken in source order and nested to
   * the right, each conditional spanning from its condition to the end of the chain.
   */
  conditional(node, depth) {
    const operands = [];
    let inner = node;
    const outer = [];
    while (inner) {
      const [cond, ...branches] = inner.namedChildren.filter((c) => c.type === "expression");
      if (!cond || branches.length < 2) return invalidExpr("incomplete conditional", this.line(inner.startIndex));
      outer.push(branches);
      const nested = cond.children.filter((c) => c.type !== "comment");
      inner = nested.length === 1 && nested[0].type === "conditional" ? nested[0] : void 0;
      if (!inner) operands.push(cond);
    }
    for (const branches of outer.reverse()) operands.push(...branches);
    const exprs = operands.map((c) => this.expression(c, depth + 1));
    let chain = exprs[exprs.length - 1];
    for (let i2 = exprs.length - 3; i2 >= 0; i2 -= 2) {
      chain = { ...this.source.span(operands[i2].startIndex, node.endIndex), kind: "conditional", cond: exprs[i2], whenTrue: exprs[i2 + 1], whenFalse: chain };
    }
    return chain;
  }
  objectElem(node, depth) {
    const keyNode = node.children.find((c) => c.field === "key");
    const valNode = node.children.find((c) => c.field === "val");
    const line = this.line(node.startIndex);
    let key = keyNode ? this.expression(keyNode, depth) : invalidExpr("missing key", line);
    if (key.kind === "variable" && keyNode?.children[0]?.type !== "(")
      key = { startLine: key.startLine, endLine: key.endLine, text: key.text, kind: "literal", value: key.name };
    const value = valNode ? this.expression(valNode, depth) : invalidExpr("missing value", line);
    return { key, value };
  }
  forExpr(node, depth) {
    const span = this.span(node);
    const intro = node.namedChildren.find((c) => c.type === "for_intro");
    const names = (intro?.namedChildren ?? []).filter((c) => c.type === "identifier").map((c) => this.text(c));
    const collectionNode = intro?.namedChildren.find((c) => c.type === "expression");
    const exprs = node.namedChildren.filter((c) => c.type === "expression").map((c) => this.expression(c, depth + 1));
    const condNode = node.namedChildren.find((c) => c.type === "for_cond")?.namedChildren[0];
    if (!collectionNode || names.length === 0 || exprs.length === 0) return invalidExpr("malformed for expression", span.startLine);
    const isObject = node.type === "for_object_expr";
    return {
      ...span,
      kind: "for",
      keyVar: names.length > 1 ? names[0] : void 0,
      valueVar: names[names.length - 1],
      collection: this.expression(collectionNode, depth + 1),
      keyExpr: isObject ? exprs[0] : void 0,
      valueExpr: isObject ? exprs[1] ?? exprs[0] : exprs[0],
      cond: condNode ? this.expression(condNode, depth + 1) : void 0,
      grouping: node.namedChildren.some((c) => c.type === "ellipsis")
    };
  }
  literal(node) {
    const span = this.span(node);
    switch (node.type) {
      case "numeric_lit": {
        const text = this.text(node);
        return { ...span, kind: "literal", value: text.startsWith("0x") ? Number.parseInt(text, 16) : Number(text) };
      }
      case "bool_lit":
        return { ...span, kind: "literal", value: this.text(node) === "true" };
      case "null_lit":
        return { ...span, kind: "literal", value: null };
      default:
        return { ...span, kind: "literal", value: this.stringLit(node) };
    }
  }
  stringLit(node) {
    const start2 = node.namedChildren.find((c) => c.type === "quoted_template_start");
    const end = node.namedChildren.find((c) => c.type === "quoted_template_end");
    return unescapeQuoted(this.source.text.slice(start2?.endIndex ?? node.startIndex, end?.startIndex ?? node.endIndex));
  }
  template(node, depth) {
    const span = this.span(node);
    const named = node.namedChildren;
    if (node.type === "quoted_template") {
      const start2 = named.find((c) => c.type === "quoted_template_start");
      const end = named.find((c) => c.type === "quoted_template_end");
      const parts3 = this.parts(node, start2?.endIndex ?? node.startIndex, end?.startIndex ?? node.endIndex, depth, { quoted: true, indent: 0 });
      return { ...span, kind: "template", parts: parts3 };
    }
    const ids = named.filter((c) => c.type === "heredoc_identifier");
    const opener = ids[0];
    const closer = ids.length > 1 && !ids[ids.length - 1].isMissing ? ids[ids.length - 1] : void 0;
    const newline = this.source.text.indexOf("\n", opener?.endIndex ?? node.startIndex);
    const from = newline < 0 ? node.endIndex : newline + 1;
    const to = closer ? this.source.text.lastIndexOf("\n", closer.startIndex) + 1 : node.endIndex;
    const flush = named.some((c) => c.type === "heredoc_start" && this.text(c) === "<<-");
    const content = this.source.text.slice(from, Math.max(from, to));
    const parts2 = this.parts(node, from, Math.max(from, to), depth, { quoted: false, indent: flush ? commonIndent(content) : 0 });
    return { ...span, kind: "template", parts: parts2 };
  }
  /** Template parts of `container` between two source offsets: text between interpolations and directives. */
  parts(container, from, to, depth, style) {
    const parts2 = [];
    const strips = [];
    let cursor = from;
    const pushText = (end) => {
      if (end <= cursor) return;
      const raw = this.source.text.slice(cursor, end);
      const atLineStart = cursor === from || this.source.text[cursor - 1] === "\n";
      parts2.push({ kind: "text", value: decodeText(raw, style, atLineStart) });
      strips.push({ left: false, right: false });
    };
    for (const child2 of container.namedChildren) {
      if (child2.startIndex < from || child2.endIndex > to) continue;
      const part = this.templatePart(child2, depth + 1, style);
      if (!part) continue;
      pushText(child2.startIndex);
      parts2.push(part);
      strips.push(stripMarkers(child2));
      cursor = child2.endIndex;
    }
    pushText(to);
    return applyStrips(parts2, strips);
  }
  templatePart(node, depth, style) {
    if (depth > this.limits.maxDepth) return { kind: "interp", expr: this.tooDeep(node) };
    if (node.type === "template_interpolation") {
      const expr = node.namedChildren.find((c) => c.type === "expression");
      return { kind: "interp", expr: expr ? this.expression(expr, depth) : invalidExpr("empty interpolation", this.line(node.startIndex)) };
    }
    if (node.type !== "template_directive") return void 0;
    const directive = node.namedChildren[0];
    const kids = directive?.namedChildren ?? [];
    const find = (type) => kids.find((c) => c.type === type);
    if (directive?.type === "template_if") {
      const intro = find("template_if_intro");
      const elseIntro = find("template_else_intro");
      const end2 = find("template_if_end");
      const condNode = intro?.namedChildren.find((c) => c.type === "expression");
      if (!intro || !end2 || !condNode) return { kind: "interp", expr: invalidExpr("malformed %{if}", this.line(node.startIndex)) };
      return {
        kind: "if",
        cond: this.expression(condNode, depth),
        whenTrue: this.parts(directive, intro.endIndex, elseIntro?.startIndex ?? end2.startIndex, depth, style),
        whenFalse: elseIntro ? this.parts(directive, elseIntro.endIndex, end2.startIndex, depth, style) : []
      };
    }
    const start2 = find("template_for_start");
    const end = find("template_for_end");
    const names = (start2?.namedChildren ?? []).filter((c) => c.type === "identifier").map((c) => this.text(c));
    const collection = start2?.namedChildren.find((c) => c.type === "expression");
    if (!start2 || !end || !collection || names.length === 0) return { kind: "interp", expr: invalidExpr("malformed %{for}", this.line(node.startIndex)) };
    return {
      kind: "for",
      keyVar: names.length > 1 ? names[0] : void 0,
      valueVar: names[names.length - 1],
      collection: this.expression(collection, depth),
      body: this.parts(directive, start2.endIndex, end.startIndex, depth, style)
    };
  }
};
function stripMarkers(node) {
  const first = node.type === "template_directive" ? node.namedChildren[0]?.namedChildren[0] : node;
  const last = node.type === "template_directive" ? node.namedChildren[0]?.namedChildren.at(-1) : node;
  const marker = (n, side) => {
    const kids = (n?.children ?? []).filter((c) => c.type !== "comment");
    const at = side === "first" ? kids[1] : kids[kids.length - 2];
    return at?.type === "strip_marker";
  };
  return { left: marker(first, "first"), right: marker(last, "last") };
}

// src/parse/terraform/pool.ts
var POOL_MIN_BYTES = 2 * 1024 * 1024;
var POOL_MIN_FILES = 1e3;
var MAX_WORKERS = 4;
var BATCH_CHARS = 64 * 1024;
var BATCHES_AHEAD = 2;
var WORKER_URL2 = new URL("./worker.js", import.meta.url);
function poolAvailable() {
  return existsSync2(fileURLToPath2(WORKER_URL2));
}
function worthParallel(files) {
  if (files.length < 2) return false;
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  return (bytes >= POOL_MIN_BYTES || files.length >= POOL_MIN_FILES) && poolAvailable();
}
var idle = [];
var keeping = 0;
function release(worker) {
  const gone = () => {
    const at = idle.indexOf(entry);
    if (at >= 0) idle.splice(at, 1);
  };
  const ignore = () => void 0;
  const entry = {
    worker,
    take: () => {
      worker.off("exit", gone);
      worker.off("error", ignore);
      return worker;
    }
  };
  worker.once("exit", gone);
  worker.on("error", ignore);
  idle.push(entry);
}
async function parseInPool(files, limits, options = {}) {
  const results = /* @__PURE__ */ new Map();
  const queue = batches(files);
  const size = Math.max(1, Math.min(MAX_WORKERS, options.workers ?? availableParallelism() - 1));
  await new Promise((resolve) => {
    const workers = /* @__PURE__ */ new Set();
    let mainBusy = false;
    const settle = () => {
      if (queue.length > 0 || mainBusy) return;
      for (const entry of workers) {
        if (entry.pending.size > 0) continue;
        if (keeping > 0) {
          workers.delete(entry);
          entry.detach();
          release(entry.worker);
        } else void entry.worker.terminate();
      }
      if (workers.size === 0) resolve();
    };
    const mainShare = () => {
      if (mainBusy || options.mainThread === false && workers.size > 0) return;
      const next = queue.shift();
      if (!next) return settle();
      mainBusy = true;
      setImmediate(() => {
        for (const file of next) {
          results.set(file.path, parseSafely(file, limits));
          options.onFile?.();
        }
        mainBusy = false;
        mainShare();
      });
    };
    const start2 = () => {
      const reused = options.workerUrl ? void 0 : idle.pop()?.take();
      let worker;
      try {
        worker = reused ?? new Worker(options.workerUrl ?? WORKER_URL2);
      } catch {
        return;
      }
      const self = { worker, pending: /* @__PURE__ */ new Map(), detach: () => void 0 };
      const { pending } = self;
      workers.add(self);
      let ready = false;
      let nextBatch = 0;
      const feed = () => {
        while (pending.size < BATCHES_AHEAD && queue.length > 0) {
          const batchFiles = queue.shift();
          const batch = nextBatch++;
          pending.set(batch, batchFiles);
          const plain = batchFiles.map(({ path, text, size: size2 }) => ({ path, text, size: size2 }));
          worker.postMessage({ batch, files: plain, limits });
        }
        settle();
      };
      const onMessage = (reply) => {
        if (reply.kind === "ready") {
          ready = true;
          feed();
        } else if (reply.kind === "file") {
          results.set(reply.parsed.path, reply.parsed);
          options.onFile?.();
        } else {
          pending.delete(reply.batch);
          feed();
        }
      };
      worker.on("message", onMessage);
      const lost = (error) => {
        if (!workers.delete(self)) return;
        let blamed = false;
        for (const batchFiles of pending.values()) {
          const left = batchFiles.filter((f) => !results.has(f.path));
          if (!blamed && ready && left.length > 0) {
            const [culprit] = left.splice(0, 1);
            results.set(culprit.path, syntaxStageFailure(culprit.path, error ?? "the parser worker stopped"));
            blamed = true;
          }
          if (left.length > 0) queue.unshift(left);
        }
        pending.clear();
        mainShare();
        settle();
      };
      const exited = (code) => lost(`the parser worker exited with code ${code}`);
      worker.on("error", lost);
      worker.on("exit", exited);
      self.detach = () => {
        worker.off("message", onMessage);
        worker.off("error", lost);
        worker.off("exit", exited);
      };
      if (reused) {
        ready = true;
        setImmediate(feed);
      }
    };
    for (let i2 = 0; i2 < size; i2++) start2();
    mainShare();
  });
  for (const file of files) if (!results.has(file.path)) results.set(file.path, parseSafely(file, limits));
  return results;
}
function parseSafely(file, limits) {
  try {
    return parseHclFile(file, limits, "tree-sitter");
  } catch (error) {
    return syntaxStageFailure(file.path, error);
  }
}
function batches(files) {
  const out2 = [];
  let current = [];
  let chars = 0;
  for (const file of files) {
    current.push(file);
    chars += file.text.length;
    if (chars >= BATCH_CHARS) {
      out2.push(current);
      current = [];
      chars = 0;
    }
  }
  if (current.length > 0) out2.push(current);
  return out2;
}

// src/parse/terraform/resources.ts
var MODULE_META = new Set([...META_ARGUMENTS].filter((name2) => name2 !== "providers"));
function resourcesOf(inst, out2) {
  for (const file of inst.source.files) {
    for (const block of file.body.blocks) {
      if (block.type === "resource" || block.type === "data") declared(inst, block, file.path, out2);
      else if (block.type === "module") moduleCall(inst, block, file.path, out2);
      else if (block.type === "moved") moved(inst, block, file.path, out2);
    }
  }
}
function declared(inst, block, file, out2) {
  const [type, name2] = block.labels;
  if (!type || !name2) return;
  const expansion = inst.expansion(block);
  if (expansion.absent) return;
  const mode = block.type === "data" ? "data" : "managed";
  const address = `${inst.prefix}${mode === "data" ? "data." : ""}${type}.${name2}`;
  const instances = mode === "managed" && !inModuleWithMultiplicity(inst) ? expansion.instances : void 0;
  if (!instances) {
    const evaluated = inst.evaluated(block, file);
    const attrs = mode === "data" ? { ...evaluated.attrs } : evaluated.attrs;
    out2.push(declaredResource(inst, { type, mode, address, block, file, evaluated, attrs }));
    return;
  }
  for (const instance2 of instances) {
    const body2 = evaluateBody(block.body, inst.evaluator.with(instance2.scope), { file, skip: META_ARGUMENTS });
    const one = { ...body2, expansion: { absent: false, scope: instance2.scope } };
    const resource = declaredResource(inst, {
      type,
      mode,
      address: `${address}${instanceSuffix(instance2.key)}`,
      block,
      file,
      evaluated: one,
      attrs: body2.attrs
    });
    resource.multiplicity = { kind: expansion.multiplicity?.kind ?? "for_each", keys: [instance2.key] };
    out2.push(resource);
  }
}
function inModuleWithMultiplicity(inst) {
  for (let at = inst; at?.call; at = at.call.parent) if (at.call.expansion.multiplicity) return true;
  return false;
}
function declaredResource(inst, d) {
  const { type, mode, block, attrs } = d;
  if (mode === "data" && type === "aws_iam_policy_document") attrs.json = inst.policyDocument(block, d.file);
  const provider = block.body.attributes.find((a) => a.name === "provider");
  const providerName = provider ? traversalText(provider.expr) : void 0;
  if (providerName) attrs.provider = providerName;
  const resource = build(inst, d);
  withProvider(inst, resource, providerName ?? type.split("_")[0]);
  const lifecycle = block.body.blocks.find((b) => b.type === "lifecycle");
  const preventDestroy = lifecycle?.body.attributes.find((a) => a.name === "prevent_destroy");
  if (preventDestroy && inst.evaluator.eval(preventDestroy.expr) === true) resource.protectedFromDeletion = true;
  return resource;
}
function moduleCall(inst, block, file, out2) {
  const name2 = block.labels[0];
  if (!name2) return;
  const child2 = inst.child(name2);
  if (child2.kind === "instance") {
    resourcesOf(child2.instance, out2);
    return;
  }
  if (child2.kind === "absent") return;
  const expansion = expansionOf(block.body, inst.evaluator);
  if (expansion.absent) return;
  const body2 = evaluateBody(block.body, inst.evaluator.with(expansion.scope), { file, skip: MODULE_META });
  const resource = build(inst, {
    type: "module",
    mode: "managed",
    address: `${inst.prefix}module.${name2}`,
    block,
    file,
    evaluated: { attrs: body2.attrs, locations: { ...argumentLocations(block.body, file), ...body2.locations }, expansion },
    attrs: body2.attrs
  });
  withProvider(inst, resource, passedProvider(block, "aws"));
  out2.push(resource);
}
var MAX_ARGUMENT_DEPTH = 32;
function argumentLocations(body2, file) {
  const out2 = {};
  const walk = (expr, path, depth) => {
    if (depth > MAX_ARGUMENT_DEPTH) return;
    if (expr.kind === "tuple" || expr.kind === "call") for (const item of expr.kind === "tuple" ? expr.items : expr.args) walk(item, path, depth + 1);
    else if (expr.kind === "conditional") for (const branch of [expr.whenTrue, expr.whenFalse]) walk(branch, path, depth + 1);
    else if (expr.kind === "object") {
      for (const { key, value } of expr.items) {
        const name2 = staticKey(key);
        if (name2 === void 0) continue;
        const at = `${path}.${name2}`;
        out2[at] ??= { file, startLine: key.startLine, endLine: value.endLine };
        walk(value, at, depth + 1);
      }
    }
  };
  for (const attribute of body2.attributes) walk(attribute.expr, attribute.name, 0);
  return out2;
}
function staticKey(key) {
  if (key.kind === "literal") return typeof key.value === "string" ? key.value : void 0;
  if (key.kind === "template" && key.parts.length === 1 && key.parts[0].kind === "text") return key.parts[0].value;
  if (key.kind === "template" && key.parts.length === 0) return "";
  return void 0;
}
function withProvider(inst, resource, local) {
  const settings = inst.root.providerSettings(inst.providerKey(local));
  if (resource.mode === "managed" && settings.defaultTags) resource.defaultTags = settings.defaultTags;
  if (settings.region) resource.region = settings.region;
}
function moved(inst, block, file, out2) {
  const attrs = {};
  const locations = {};
  for (const attr of block.body.attributes) {
    if (attr.name !== "from" && attr.name !== "to") continue;
    attrs[attr.name] = `${inst.prefix}${attr.expr.text}`;
    locations[attr.name] = { file, startLine: attr.startLine, endLine: attr.endLine };
  }
  if (typeof attrs.from !== "string" || typeof attrs.to !== "string") return;
  const evaluated = { attrs, locations, expansion: { absent: false, scope: {} } };
  out2.push(build(inst, { type: "moved", mode: "managed", address: `moved.${attrs.from}`, block, file, evaluated, attrs }));
}
function build(inst, d) {
  const placed = placement(inst, d);
  const address = flat(d.address);
  const resource = {
    id: flat(`${inst.ctx.unit}:${address}`),
    source: "terraform",
    type: d.type,
    mode: d.mode,
    address,
    unit: inst.ctx.unit,
    attrs: d.attrs,
    tags: staticStrings(d.attrs.tags),
    location: placed.location,
    attrLocations: placed.attrLocations
  };
  const expansion = inheritedExpansion(inst, d.evaluated);
  if (expansion.multiplicity) resource.multiplicity = expansion.multiplicity;
  if (expansion.conditional) resource.conditional = expansion.conditional;
  if (inst.source.registry && inst.call) resource.displayName = `${inst.prefix.slice(0, -1)} (${inst.source.registry.source})`;
  return resource;
}
function inheritedExpansion(inst, own) {
  if (own.expansion.multiplicity) return own.expansion;
  for (let at = inst; at?.call; at = at.call.parent) {
    if (at.call.expansion.multiplicity) return at.call.expansion;
  }
  return {};
}
function placement(inst, d) {
  const written = writtenCall(inst);
  if (!written) {
    return { location: { file: d.file, startLine: d.block.startLine, endLine: d.block.endLine }, attrLocations: d.evaluated.locations };
  }
  const callLocation = { file: written.file, startLine: written.block.startLine, endLine: written.block.endLine };
  const attrLocations = {};
  for (const path of Object.keys(d.evaluated.locations))
    attrLocations[path] = inputLocation(inst, byName(inputsRead(d.block.body, path), path), path) ?? callLocation;
  return { location: callLocation, attrLocations };
}
function writtenCall(inst) {
  if (!inst.source.registry) return void 0;
  let call = inst.call;
  while (call?.parent.source.registry && call.parent.call) call = call.parent.call;
  return call;
}
function byName(inputs, path) {
  const leaf = path.slice(path.lastIndexOf(".") + 1);
  const rank = (input) => input === leaf ? 0 : input.endsWith(`_${leaf}`) ? 1 : 2;
  return [...inputs].sort((a, b) => rank(a) - rank(b));
}
function inputsRead(body2, path) {
  const first = path.split(".")[0];
  const attribute = body2.attributes.find((a) => a.name === first);
  if (attribute) return variablesRead(attribute.expr);
  const blocks = body2.blocks.filter((b) => b.type === first || b.type === "dynamic" && b.labels[0] === first);
  const names = [];
  const bodies = blocks.map((b) => b.body);
  while (bodies.length > 0) {
    const current = bodies.pop();
    for (const a of current.attributes) names.push(...variablesRead(a.expr));
    bodies.push(...current.blocks.map((b) => b.body));
  }
  return names;
}
function inputLocation(inst, inputs, path) {
  const call = inst.call;
  if (!call) return void 0;
  for (const input of inputs) {
    const attr = call.block.body.attributes.find((a) => a.name === input);
    if (!attr) continue;
    if (call.parent.source.registry) {
      const outer = inputLocation(call.parent, variablesRead(attr.expr), path);
      if (outer) return outer;
      continue;
    }
    const nested = argumentLocations({ attributes: [attr], blocks: [] }, call.file);
    const steps = path.split(".");
    for (let i2 = 0; i2 < steps.length; i2++) {
      const hit = nested[`${input}.${steps.slice(i2).join(".")}`];
      if (hit) return hit;
    }
    return { file: call.file, startLine: attr.startLine, endLine: attr.endLine };
  }
  return void 0;
}

// src/parse/terraform/terragrunt.ts
var LOCAL_SOURCE2 = /^\.\.?\//;
function readTerragrunt(file, load, host) {
  const dir = dirOf(file.path);
  const own = configOf(file, dir, load, host);
  const includePath = own.includePath;
  const parentFile = includePath ? load(joinPath(dir, includePath)) : void 0;
  const parent = parentFile ? configOf(parentFile, dir, load, host) : void 0;
  const source = own.source ?? parent?.source;
  const config = {
    inputs: { ...parent?.inputs ?? {}, ...own.inputs },
    files: [file.path, ...parentFile ? [parentFile.path] : []]
  };
  if (typeof source === "string") {
    const normalised = source.replace(/(?<!:)\/\/+/g, "/");
    if (LOCAL_SOURCE2.test(normalised)) config.moduleDir = joinPath(dir, normalised);
    else config.remoteSource = source;
  }
  return config;
}
function configOf(file, dir, load, host) {
  const blocks = file.body.blocks;
  const resolver = new TerragruntResolver(dir, file, load, blocks);
  const ev = new Evaluator2(resolver, host);
  const attr = (body2, name2) => body2?.attributes.find((a) => a.name === name2);
  const sourceAttr = attr(blocks.find((b) => b.type === "terraform")?.body, "source");
  const includePath = attr(blocks.find((b) => b.type === "include")?.body, "path");
  const inputsAttr = attr(file.body, "inputs");
  const inputs = inputsAttr ? ev.eval(inputsAttr.expr) : {};
  const path = includePath ? ev.eval(includePath.expr) : void 0;
  return {
    source: sourceAttr ? ev.eval(sourceAttr.expr) : void 0,
    includePath: typeof path === "string" ? path : void 0,
    inputs: isObjectValue(inputs) ? inputs : {}
  };
}
var TerragruntResolver = class {
  constructor(dir, file, load, blocks) {
    this.dir = dir;
    this.file = file;
    this.load = load;
    this.fileBases = [dir];
    for (const block of blocks) if (block.type === "locals") for (const a of block.body.attributes) this.locals.set(a.name, a.expr);
  }
  dir;
  file;
  load;
  fileBases;
  locals = /* @__PURE__ */ new Map();
  localValues = /* @__PURE__ */ new Map();
  resolve(root, steps, expr, ev) {
    const first = steps[0] && "attr" in steps[0] ? steps[0].attr : void 0;
    if (root === "local" && first !== void 0) {
      const local = this.locals.get(first);
      if (!local) return void 0;
      if (!this.localValues.has(first)) {
        this.localValues.set(first, unknown3(`local.${first}`, `local.${first} refers to itself`));
        this.localValues.set(first, ev.eval(local));
      }
      return { value: this.localValues.get(first), used: 1 };
    }
    if (root === "dependency" || root === "include" || root === "feature") {
      return { value: unknown3(expr.text, `terragrunt ${root} values are known only at apply time`), used: steps.length };
    }
    return void 0;
  }
  callFunction(name2, args2, expr) {
    const fromHere = (target) => relativePath(this.dir, target);
    switch (name2) {
      case "find_in_parent_folders": {
        const wanted = typeof args2[0] === "string" ? args2[0] : "terragrunt.hcl";
        const found = ancestorsOf(this.dir).map((folder) => joinPath(folder, wanted)).find((candidate) => this.load(candidate) !== void 0);
        return found ? fromHere(found) : args2[1] ?? unknown3(expr.text, `no ${wanted} in a parent folder`);
      }
      case "get_terragrunt_dir":
      case "get_original_terragrunt_dir":
        return ".";
      case "get_repo_root":
        return fromHere(".");
      case "get_parent_terragrunt_dir":
        return fromHere(dirOf(this.file.path));
      case "path_relative_to_include":
        return relativePath(dirOf(this.file.path), this.dir);
      case "path_relative_from_include":
        return relativePath(this.dir, dirOf(this.file.path));
      case "get_env":
        return args2[1] ?? unknown3(expr.text, "environment variables are not known statically");
      case "read_terragrunt_config":
      case "run_cmd":
      case "get_aws_account_id":
        return unknown3(expr.text, `${name2}() is not evaluated statically`);
      default:
        return void 0;
    }
  }
};

// src/parse/terraform/units.ts
var LOCAL_SOURCE3 = /^\.\.?\//;
var AUTO_TFVARS = /(^terraform\.tfvars(\.json)?$)|(\.auto\.tfvars(\.json)?$)/;
var TFVARS_SUFFIX = /\.tfvars(\.json)?$/;
var ENVIRONMENT_SEGMENTS2 = /* @__PURE__ */ new Set(["prod", "production", "dev", "development", "staging", "stage", "test", "qa", "sandbox", "uat", "preprod"]);
function planUnits(input, moduleDirs) {
  const roots = [...input.dirs].filter((dir) => !moduleDirs.has(dir)).sort();
  const plans = [];
  const tgByDir = new Map(input.terragrunt.map((t) => [dirOf(t.file.path), t]));
  for (const root of roots) {
    const own = tgByDir.get(root);
    const base = baseLayers(root, input, own?.config);
    const extra = [...base.files, ...own && !own.config.moduleDir ? own.config.files : []];
    const named = input.tfvars.filter((f) => !AUTO_TFVARS.test(baseName(f.path)) && nearestRoot(dirOf(f.path), roots) === root);
    if (named.length > 0) {
      for (const file of named.sort((a, b) => a.path.localeCompare(b.path))) {
        const stem = baseName(file.path).replace(TFVARS_SUFFIX, "");
        plans.push({
          id: `${root}#${stem}`,
          rootDir: root,
          path: root,
          environment: { value: stem, detail: `tfvars file ${relativePath(root, file.path)}` },
          layers: [input.valuesOf(file), ...base.layers],
          files: [file.path, ...extra]
        });
      }
      continue;
    }
    const workspaces = input.workspacesOf(root);
    if (workspaces.length > 0) {
      for (const workspace of workspaces) {
        plans.push({
          id: `${root}#${workspace}`,
          rootDir: root,
          path: root,
          environment: { value: workspace, detail: "terraform workspace" },
          layers: base.layers,
          workspace,
          files: extra
        });
      }
      continue;
    }
    plans.push({ id: root, rootDir: root, path: root, environment: own ? environmentOfFolder(root) : void 0, layers: base.layers, files: extra });
  }
  for (const { file, config } of input.terragrunt) {
    if (!config.moduleDir || !input.dirs.has(config.moduleDir)) continue;
    const dir = dirOf(file.path);
    plans.push({ id: dir, rootDir: config.moduleDir, path: dir, environment: environmentOfFolder(dir), layers: [config.inputs], files: config.files });
  }
  return plans;
}
function calledModuleDirs(input) {
  const dirs = /* @__PURE__ */ new Set();
  for (const dir of input.dirs) {
    for (const source of input.localCalls(dir)) {
      const target = joinPath(dir, source);
      if (target !== dir) dirs.add(target);
    }
  }
  for (const { config } of input.terragrunt) if (config.moduleDir) dirs.add(config.moduleDir);
  return dirs;
}
function localModuleSources(file) {
  return file.body.blocks.flatMap((block) => {
    if (block.type !== "module") return [];
    const source = block.body.attributes.find((a) => a.name === "source")?.expr;
    const text = source?.kind === "literal" ? source.value : void 0;
    return typeof text === "string" && LOCAL_SOURCE3.test(text) ? [text] : [];
  });
}
function baseLayers(root, input, terragrunt) {
  const inRoot = input.tfvars.filter((f) => dirOf(f.path) === root);
  const auto = inRoot.filter((f) => /\.auto\.tfvars(\.json)?$/.test(f.path)).sort((a, b) => b.path.localeCompare(a.path));
  const main = inRoot.filter((f) => /^terraform\.tfvars(\.json)?$/.test(baseName(f.path))).sort((a, b) => b.path.localeCompare(a.path));
  const files = [...auto, ...main];
  const layers = files.map((f) => input.valuesOf(f));
  if (terragrunt && !terragrunt.moduleDir) layers.push(terragrunt.inputs);
  return { layers, files: files.map((f) => f.path) };
}
function nearestRoot(dir, roots) {
  return [dir, ...ancestorsOf(dir)].find((d) => roots.includes(d) && isWithin(dir, d));
}
function environmentOfFolder(dir) {
  const segment = dir.split("/").find((s) => ENVIRONMENT_SEGMENTS2.has(s.toLowerCase()));
  return segment ? { value: segment, detail: `terragrunt folder ${dir}` } : void 0;
}

// src/parse/terraform/workspaces.ts
function workspaceNames(root) {
  const names = /* @__PURE__ */ new Set();
  const addKeysOf = (mapExpr) => {
    const value = root.evaluator.eval(mapExpr);
    if (isObjectValue(value)) for (const key of Object.keys(value)) names.add(key);
  };
  for (const file of root.source.files) {
    for (const expr of allExprs(file.body)) {
      if (expr.kind === "index" && isWorkspace(expr.key)) addKeysOf(expr.target);
      else if (expr.kind === "call" && expr.name === "lookup" && expr.args[0] && expr.args[1] && isWorkspace(expr.args[1])) addKeysOf(expr.args[0]);
      else if (expr.kind === "binary" && (expr.op === "==" || expr.op === "!=")) {
        for (const [a, b] of [
          [expr.left, expr.right],
          [expr.right, expr.left]
        ]) {
          if (isWorkspace(a) && b.kind === "literal" && typeof b.value === "string") names.add(b.value);
          if (isWorkspace(a) && b.kind === "template" && b.parts.length === 1 && b.parts[0].kind === "text") names.add(b.parts[0].value);
        }
      }
    }
  }
  return [...names].sort();
}
function isWorkspace(expr) {
  const chain = traversalOf(expr);
  const step = chain?.steps[0];
  return chain?.root === "terraform" && chain.steps.length === 1 && step !== void 0 && "attr" in step && step.attr === "workspace";
}

// src/parse/terraform/index.ts
var CLAIMED = /(\.tf|\.tf\.json|\.tfvars|\.tfvars\.json)$|(^|\/)terragrunt\.hcl$/;
var MODULE_FILE = /\.tf(\.json)?$/;
var TFVARS_FILE = /\.tfvars(\.json)?$/;
var TERRAGRUNT_FILE = /(^|\/)terragrunt\.hcl$/;
var NO_NAMES2 = { resolve: () => void 0, fileBases: [] };
var terraformParser = {
  name: "terraform",
  init: loadGrammar,
  claims: (file) => CLAIMED.test(file.path),
  parse(claimed, ctx) {
    return grammarMissing(claimed) ?? new TerraformRun(claimed, ctx).run();
  },
  /**
   * As `parse`, with the files that are likely to need tree-sitter (template directives: the direct
   * reader leaves those to it) read on worker threads (`pool.ts`) first, when there are enough of
   * them. The direct reader's files stay on this thread: reading them costs less than sending their
   * syntax trees across.
   */
  async parseAsync(claimed, ctx) {
    const missing = grammarMissing(claimed);
    if (missing) return missing;
    const run2 = new TerraformRun(claimed, ctx);
    const forTreeSitter = claimed.filter((f) => f.text.includes("%{"));
    if (worthParallel(forTreeSitter)) run2.preparsed = await parseInPool(forTreeSitter, ctx.limits, ctx.parsedFile ? { onFile: ctx.parsedFile } : {});
    return run2.run();
  }
};
function grammarMissing(claimed) {
  try {
    hclParser();
    return void 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { resources: [], units: [], problems: claimed.map((f) => problem(message, fileLocation(f.path))) };
  }
}
var TerraformRun = class {
  constructor(claimed, ctx) {
    this.claimed = claimed;
    this.ctx = ctx;
    this.claimedPaths = new Set(claimed.map((f) => f.path));
  }
  claimed;
  ctx;
  /** Syntax trees in use, by path. */
  parsed = /* @__PURE__ */ new Map();
  /** Claimed files' syntax problems, whenever each was read: reported first, in claimed order. */
  parseProblems = /* @__PURE__ */ new Map();
  claimedPaths;
  templates = /* @__PURE__ */ new Map();
  registry = /* @__PURE__ */ new Map();
  /** `.tf` / `.tf.json` files by folder, in claimed order. */
  dirFiles = /* @__PURE__ */ new Map();
  problems = [];
  /** Claimed files read on worker threads, by path; each is taken out when first used. */
  preparsed;
  run() {
    for (const file of this.claimed) {
      if (!MODULE_FILE.test(file.path)) continue;
      const dir = dirOf(file.path);
      const files = this.dirFiles.get(dir) ?? [];
      files.push(file);
      this.dirFiles.set(dir, files);
    }
    const setupHost = this.host(newBudget(this.ctx.limits.maxEvalSteps), /* @__PURE__ */ new Set());
    const constants = (file) => {
      const ev = new Evaluator2(NO_NAMES2, setupHost);
      return Object.fromEntries(file.body.attributes.map((a) => [a.name, ev.eval(a.expr)]));
    };
    const terragrunt = this.claimed.filter((f) => TERRAGRUNT_FILE.test(f.path)).map((f) => {
      const file = this.parse(f);
      return { file, config: readTerragrunt(file, (path) => this.load(path), setupHost) };
    });
    const discovery = {
      dirs: new Set(this.dirFiles.keys()),
      localCalls: (dir) => (this.dirFiles.get(dir) ?? []).filter((f) => f.text.includes("module")).flatMap((f) => localModuleSources(this.parse(f))),
      tfvars: this.claimed.filter((f) => TFVARS_FILE.test(f.path)).map((f) => this.parse(f)),
      terragrunt,
      valuesOf: constants,
      workspacesOf: (rootDir) => this.mentionsWorkspace(rootDir) ? workspaceNames(this.instance({ id: rootDir, rootDir, path: rootDir, layers: [], files: [] }).root) : []
    };
    const called = calledModuleDirs(discovery);
    const plans = planUnits(discovery, called);
    const lastPlanOf = new Map(plans.map((plan, i2) => [plan.rootDir, i2]));
    const resources = [];
    const units = [];
    plans.forEach((plan, i2) => {
      const { root, context } = this.instance(plan);
      resourcesOf(root, resources);
      if (context.host.budget.exceeded) {
        const first = this.dirFiles.get(plan.rootDir)?.[0]?.path ?? plan.path;
        context.problems.push(
          problem(`evaluation stopped after ${this.ctx.limits.maxEvalSteps} steps in unit ${plan.id}; later values are unknown`, fileLocation(first))
        );
      }
      this.problems.push(...context.problems);
      const unit = { id: plan.id, source: "terraform", path: plan.path, files: [...context.files].sort() };
      if (plan.environment) unit.environment = plan.environment;
      units.push(unit);
      if (lastPlanOf.get(plan.rootDir) === i2 && !called.has(plan.rootDir)) this.release(plan.rootDir);
    });
    for (const file of this.claimed) if (!this.parseProblems.has(file.path)) this.read(file);
    const claimedProblems = this.claimed.flatMap((f) => this.parseProblems.get(f.path) ?? []);
    return { resources, units, problems: dedupe([...claimedProblems, ...this.problems]) };
  }
  /** Whether a root's own files name `terraform.workspace` at all (their text says so without evaluating them). */
  mentionsWorkspace(rootDir) {
    return (this.dirFiles.get(rootDir) ?? []).some((file) => file.text.includes("workspace"));
  }
  parse(file) {
    const cached = this.parsed.get(file.path);
    if (cached) return cached;
    const parsed = this.read(file);
    this.parsed.set(file.path, parsed);
    return parsed;
  }
  /** The file's syntax tree (not kept), its problems recorded the first time it is read. */
  read(file) {
    const pooled = this.preparsed?.get(file.path);
    if (pooled) this.preparsed?.delete(file.path);
    const parsed = pooled ?? parseHclFile(file, this.ctx.limits);
    if (!this.parseProblems.has(file.path)) {
      if (!pooled) this.ctx.parsedFile?.();
      if (this.claimedPaths.has(file.path)) this.parseProblems.set(file.path, parsed.problems);
      else this.problems.push(...parsed.problems);
    }
    return parsed;
  }
  /** Drops a folder's syntax trees (read again should anything ask for them later). */
  release(dir) {
    for (const file of this.dirFiles.get(dir) ?? []) this.parsed.delete(file.path);
  }
  moduleFiles(dir) {
    return this.dirFiles.get(dir)?.map((file) => this.parse(file));
  }
  /** A file not claimed (an include's `root.hcl`) is parsed when something asks for it. */
  load(path) {
    const file = this.ctx.files.get(path);
    return file ? this.parse(file) : this.parsed.get(path);
  }
  host(budget, files) {
    return {
      budget,
      readFile: (path) => {
        const file = this.ctx.files.get(path);
        if (!file || file.size > this.ctx.limits.maxFileBytes) return void 0;
        files.add(path);
        return { path, text: file.text };
      },
      parseTemplate: (text, path) => {
        const cached = this.templates.get(path);
        if (cached) return cached;
        const { expr, problems } = parseTemplateText(text, path, this.ctx.limits);
        this.problems.push(...problems);
        this.templates.set(path, expr);
        return expr;
      }
    };
  }
  instance(plan) {
    const files = new Set(plan.files);
    const context = {
      unit: plan.id,
      rootDir: plan.rootDir,
      host: this.host(newBudget(this.ctx.limits.maxEvalSteps), files),
      workspace: plan.workspace ?? unknown3("terraform.workspace", "the workspace is chosen at apply time"),
      limits: this.ctx.limits,
      problems: [],
      files,
      moduleFiles: (dir) => this.moduleFiles(dir),
      registryFiles: (module2) => this.registryFiles(module2)
    };
    const inputs = (name2) => plan.layers.find((layer) => name2 in layer)?.[name2];
    const root = new ModuleInstance(context, { dir: plan.rootDir, files: this.moduleFiles(plan.rootDir) ?? [] }, inputs);
    return { root, context };
  }
  registryFiles(module2) {
    let files = this.registry.get(module2);
    if (!files) {
      const path = `catalog/${module2.source}/main.tf`;
      files = [parseHclFile({ path, text: module2.hcl, size: module2.hcl.length }, this.ctx.limits)];
      this.registry.set(module2, files);
    }
    return files;
  }
};
function dedupe(problems) {
  const seen = /* @__PURE__ */ new Set();
  return problems.filter((p) => {
    const key = `${p.location.file}:${p.location.startLine}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// src/parse/registry.ts
var PARSERS = [terraformParser, planParser, cloudFormationParser, policyParser];

// src/parse/side-worker.ts
var port = parentPort;
port?.once("message", ({ jobs, limits, scpPaths }) => {
  for (const { parser: name2, files } of jobs) {
    const parser2 = PARSERS.find((p) => p.name === name2 && p.selfContained);
    let reply;
    try {
      if (!parser2) throw new Error(`no self-contained parser named ${name2}`);
      reply = { parser: name2, output: parser2.parse(files, { files: /* @__PURE__ */ new Map(), limits, scpPaths }) };
    } catch (error) {
      reply = { parser: name2, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  }
});
