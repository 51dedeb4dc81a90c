// Package sandbox emulates the Webex Contact Center configuration API and the Webex
// sign-in endpoints it needs, so that Bulkops works end to end on a machine that has
// never seen a Webex organization. It is the app's embedded default connection, the
// server of the other packages' tests, and what `bulkops sandbox` runs standalone.
//
// It is not a mock: it keeps one organization's objects, applies the rules a real
// organization applies (required fields, enums, lengths, patterns, unique names,
// references by id, immutable fields, 412 on deleting a referenced object) and answers
// with the paths, JSON field names, status codes and error bodies of the public API as
// the team's reference notes describe it (reference/api.md). The resources are data: one
// table (resources.go and its two companions) says, per object type, its paths, fields
// and rules; adding an object type is adding an entry.
//
// Cisco's OpenAPI spec is the contract (internal/apispec): the sandbox serves exactly the
// spec's operations, and with Options.CheckSpec (`bulkops sandbox --check-spec`,
// BULKOPS_SANDBOX_STRICT=1, and every sandbox of a test binary through sandboxtest.Main)
// it checks every config API request and response against the spec. A request the spec
// does not allow is answered "spec violation: METHOD PATH: field: why" (400; 404/405 for
// an operation the spec lacks); a response the spec does not describe is a sandbox bug.
// Both are kept on the server and reported to Options.OnViolation, so the test binary
// fails. Where live tenants differ from the spec, live wins: the differences are listed
// once, in apispec.Deviations, and the live rules live in the resource table
// (live-api.md): the id-wall of POST …/bulk (types updated one by one with PUT …/{id}),
// PATCH …/bulk partial updates of queues and auxiliary codes, the fields required on
// create, the Webex Calling number inventory of dial numbers, and the rest.
//
// Choices where the public documentation is silent, each a plausible reading of the real
// service, made so that a client that copes with the sandbox copes with a real tenant:
//   - A request for another organization id gets 403 (the token's organization is not
//     the one in the path); an unknown path gets 404, a known path with the wrong method 405.
//   - Names are unique per object type regardless of letter case (per site for teams,
//     per address book for its entries); dial-number mappings are unique by dialledNumber.
//   - A SAVE that carries a version different from the stored one fails with 409 (the
//     object was changed meanwhile); an item without version is not checked.
//   - organizationId inside an item may be left out (it is filled in); a different one
//     is refused with 400.
//   - Unknown top-level fields of an object type with a DTO in the spec are dropped, as a
//     Spring service does; the few types without a DTO table keep every field as given.
//   - v2/v3 list pages hold the whole objects, arrays included, as the spec's list DTOs
//     do; the old v1 lists (a bare array) leave array fields out, as the spec's
//     "…DTOList" objects have none.
//   - 429 answers have no body and a Retry-After in whole seconds (live, below).
//   - A bulk request holds up to 1000 items; more is a 400 for the whole request, none a
//     207 with no items. An item without requestAction is a SAVE. Per-item statuses:
//     201 created, 200 updated, 204 deleted, else the error's status with apiError,
//     whose error.reason is the messages joined.
//   - An authorization code is consumed by its first exchange, successful or not.
//   - A registered client is confidential (its secret is checked at the token endpoint)
//     or public (Client.Public: no secret, like an installed app per RFC 8252). A public
//     client must send a PKCE S256 challenge (else invalid_request, RFC 7636 §4.4.1) and
//     its verifier (else invalid_grant); it refreshes with its client_id alone, and a
//     secret sent for it is refused as invalid_client.
//   - The seeded organizations are built through the same rules as API writes; "empty"
//     still has the two default work types every real tenant has.
//
// Live facts of the second pass (live-api.md, "Second pass"; each rule names its source
// where it is made):
//   - Authorization missing or not "Bearer <token>": 400; a bad token: 401; a 429 has no
//     body (Cisco, "Common API errors").
//   - A raw, unencoded double quote in a list query: 400 (wxcc-skills); the catalog's
//     filters are unquoted (Cisco's SDK: a quoted value is a 400).
//   - A referenced delete: 412 {"error":{"referencedEntities":["user", …]}} (wxcc-skills,
//     "confirmed live"); incoming-references answers one referring type at a time:
//     meta.referencedEntities, meta.currentEntity, ?type= (or ?currentEntity=, as
//     wxcc-remove-skill-definition sends it) selects, page and pageSize page within it.
//     Without a type, page N answers the N-th referring type (wxcc-skills: "a bare
//     ?page=N walks ACROSS types").
//   - A multimedia profile carries workItem (top level and in manuallyAssignable); a
//     tenant without the work-item feature (Options.WorkItemFeature unset) refuses it
//     on a write with 400 "workItem is not allowed when feature flag is disabled".
//   - Records carry links ([]); systemDefault only on the 14 types that have it; the v2
//     desktop-layout list leaves out jsonFileContent and v2 skill-profile rows their
//     skills; a user's userLevelSummariesInclusion and userLevelAutoCSATInclusion answer
//     200 and are not stored.
//   - Served as live serves them: address-book/{id}, POST address-book and
//     v2/address-book with the entries embedded (addressBookEntries), the outdial-ANI
//     entry routes, v2/resource-collection; beyond the spec (not checked against it):
//     GET organization/{orgId} (the tenant record), GET organization/{orgId}/blob/{id}
//     (the audio bytes), POST user/bulk (207), GET v2/greeting-purpose.
//   - Agent personal greetings (wxcc-skills, verified live): agent-personal-greeting
//     and v2/… item paths, v2 and v3 lists (v3 has no item path); every write a
//     multipart upload with the metadata in agentPersonalGreetingInfo (JSON: 500); a
//     create without greetingPurposeId and any PATCH: a nameless 409 "Internal error.
//     Please contact Cisco Support Team". The demo seeds two greetings, the Default
//     purpose (every tenant), three contact numbers and a resource collection, so every
//     entity wxcc-skills knows lists and reads.
//   - Unrecorded either way, chosen by Options.Unverified (lenient by default): whether
//     address-book/{id}/entry/bulk refuses ids, whether a v3/address-book PUT drops the
//     entries, whether a queue create needs defaultMusicInQueueMediaFileId.
//
// Sessions live in memory only: the state file holds the organization's objects and
// nothing else (no token, no client secret), so restarting the sandbox signs everyone out.
package sandbox
