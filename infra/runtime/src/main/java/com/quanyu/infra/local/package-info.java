/**
 * The local runtime: stand-ins, template-driven provisioning, the API Gateway emulation and the
 * seeders behind {@code infra/start-local.sh}. Tooling: depends on every function, nothing depends
 * on it.
 */
package com.quanyu.infra.local;
