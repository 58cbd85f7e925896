/** Every rule, in one list. A test checks that each `src/rules/kmsNNN-*.ts` file is registered and documented. */
import { kms000 } from './kms000-parse-problem.js';
import { kms101 } from './kms101-mixed-data-classes.js';
import { kms102 } from './kms102-shared-across-workloads.js';
import { kms103 } from './kms103-shared-across-environments.js';
import { kms104 } from './kms104-high-volume-service-coupling.js';
import { kms105 } from './kms105-admin-and-user-same-principal.js';
import { kms106 } from './kms106-policy-escalation-path.js';
import { kms107 } from './kms107-blast-radius-threshold.js';
import { kms201 } from './kms201-wildcard-principal.js';
import { kms202 } from './kms202-full-access-to-principal.js';
import { kms203 } from './kms203-cross-account-unconstrained.js';
import { kms204 } from './kms204-identity-policy-wildcard-kms.js';
import { kms205 } from './kms205-lockout-safety-bypass.js';
import { kms206 } from './kms206-default-key-policy.js';
import { kms207 } from './kms207-unconstrained-grant.js';
import { kms208 } from './kms208-grant-sprawl.js';
import { kms209 } from './kms209-invalid-policy-element.js';
import { kms301 } from './kms301-rotation-disabled.js';
import { kms302 } from './kms302-rotation-period-invalid.js';
import { kms303 } from './kms303-deletion-window-short.js';
import { kms304 } from './kms304-disabled-key-in-use.js';
import { kms305 } from './kms305-asymmetric-key-for-service.js';
import { kms306 } from './kms306-imported-material-rotation.js';
import { kms307 } from './kms307-multi-region-key.js';
import { kms308 } from './kms308-cross-region-key-reference.js';
import { kms309 } from './kms309-s3-bucket-key-disabled.js';
import { kms401 } from './kms401-missing-alias.js';
import { kms402 } from './kms402-missing-ownership-tags.js';
import { kms403 } from './kms403-alias-naming.js';
import { kms404 } from './kms404-no-customer-managed-key.js';
import { kms405 } from './kms405-no-key-deletion-alarm.js';
import { kms501 } from './kms501-key-removed-while-used.js';
import { kms502 } from './kms502-key-replacement.js';
import { kms503 } from './kms503-consumer-replacement.js';
import { kms504 } from './kms504-new-decrypt-access.js';
import { kms505 } from './kms505-blast-radius-growth.js';
import { kms600 } from './kms600-iac-live-drift.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [
  kms000,
  kms101,
  kms102,
  kms103,
  kms104,
  kms105,
  kms106,
  kms107,
  kms201,
  kms202,
  kms203,
  kms204,
  kms205,
  kms206,
  kms207,
  kms208,
  kms209,
  kms301,
  kms302,
  kms303,
  kms304,
  kms305,
  kms306,
  kms307,
  kms308,
  kms309,
  kms401,
  kms402,
  kms403,
  kms404,
  kms405,
  kms501,
  kms502,
  kms503,
  kms504,
  kms505,
  kms600,
];
