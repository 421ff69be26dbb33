/**
 * The campaigns function's Lambda handlers and their wiring ({@code CampaignsContext}): API,
 * scheduled jobs, lake events and POS redemption imports. Handlers only wire; the logic lives in
 * the subpackages. Must not import another function's packages.
 */
package com.quanyu.campaigns;
