// Package casehttp serves the case API over HTTP with net/http alone: a
// [Handler] for the endpoints of SPEC section 6, the [Store] it keeps
// cases in with an in-memory implementation, and [Webhooks] that deliver
// the events of every change to the partner.
//
//	POST  /v1/case                 open a case; 200 with the case
//	GET   /v1/case/{id}            retrieve a case
//	GET   /v1/case                 list cases, newest first
//	PATCH /v1/case/{id}            update a case
//	POST  /v1/case/{id}/response   send the partner's response
//
// Every rule of a case is the cases package's: the handler decodes bodies
// with a strict [cases.Decoder], applies [cases.Open], [cases.Update] and
// [cases.Respond], and stores what they return. The package does not log
// and does not read the environment.
//
// # Requests and answers
//
// Every request needs "Authorization: Bearer sk_test_..." (or sk_live_...);
// [Options.Authorize] may check the key further. A body must be JSON
// (application/json or application/*+json) and at most
// [Options.MaxBodyBytes], with or without a Content-Length.
//
// # Problems
//
// Every refusal is an RFC 9457 problem sent as application/problem+json,
// and every problem has an errors member with at least one item:
//
//   - a problem with the body or the query is the cases package's, as
//     [cases.ProblemFor] gives it: 400, 409 for a refusal by the case's
//     state, 413 for a body over the limit, with an item per problem at a
//     JSON Pointer into the body ("" for the whole body), or with the
//     query parameter's name instead of a pointer;
//   - a problem with the request itself (its key, path, method or
//     headers) is this package's, as [ProblemFor] gives it: 401, 404,
//     405, 409, 412, 415, 422 or 400 for an invalid Idempotency-Key, of
//     type [TypeBase] and the sentinel's name, with one item that has a
//     code (CodeUnauthorized and the rest) and no pointer, since no part
//     of the body is at fault; its detail names what is, such as the
//     header;
//   - a failure of the server is 500, of type about:blank, with one item
//     of code [CodeInternal] and no pointer, which reveals nothing of the
//     failure; [Options.OnError] gets the error itself.
//
// # Lists
//
// A list takes the filters parent_type, parent_id, status and kind, a
// limit from 1 to 100 (10 by default) and the cursor of the previous
// page's next_cursor. Pages run from the newest case to the oldest, and a
// cursor names the last case of its page, so that cases opened while a
// client walks the pages never shift it: every case that existed at the
// first page is seen exactly once.
//
// A cursor is tied to the filters of the list that issued it: with other
// filters, altered, or of a format this version does not issue, it is
// refused with 400, invalid_value at the parameter "cursor", as is one
// that names a case the store does not hold. The limit may change from
// page to page. A cursor holds a checksum, not a signature: it stays
// valid when the handler restarts on the same store, and one forged with
// the knowledge of its format only starts a list at the case it names,
// which the client could list anyway.
//
// # Versions and retries
//
// Every answer with a case carries its version as a strong ETag. PATCH and
// the response POST honour If-Match: a tag that is not the case's current
// one is refused with 412 and changes nothing. A change that alters
// nothing (a retry) keeps the version.
//
// A POST may carry an Idempotency-Key of up to 255 printable ASCII
// characters. The first answer to a key is stored, unless it is a 5xx,
// and every later request with the same key, method, path, If-Match
// values and body gets it again, status, headers and body, with the
// header "Idempotent-Replayed: true" added. The same key with another
// request is 422, also when only If-Match differs, so that a retry with a
// fresh ETag is not answered with the 412 of a stale one; a key whose
// first request still runs is 409. Keys are scoped to the API key and
// live in the [Store], so replays survive a restart.
//
// # Webhooks
//
// [Webhooks] posts each event to every registered URL as the JSON of the
// [cases.Event] envelope, with the header
//
//	Case-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>
//
// where the HMAC is keyed with the endpoint's secret and taken over the
// decimal timestamp, a full stop and the raw body: "<t>.<body>". A
// receiver recomputes it with [VerifySignature], compares it in constant
// time and refuses old timestamps. The headers Case-Event-Id and
// Case-Delivery-Attempt name the event and count the attempts. An attempt
// that gets no 2xx answer is retried with exponential backoff; every
// attempt is recorded in [Webhooks.Deliveries].
//
// Events are delivered in the order the store committed the changes:
// [Webhooks] reads them from the store's outbox by sequence number, which
// for [MemoryStore] is that order, and each endpoint gets them one at a
// time. So an endpoint gets the events of a case in the order of the
// case's versions, however many requests change it at once: a
// case.updated never overtakes an older one.
//
// # Stores
//
// A [Store] changes one case at a time with an atomic read-modify-write
// ([Store.Update]), so that concurrent requests never lose a change: each
// is applied to the result of the one before, or refused with 409 or 412.
// The store also keeps the events of each change in the same step (its
// [Outbox]) and the idempotency records ([IdempotencyStore]), so that a
// store on database/sql holds all three in one database and can commit a
// change and its events in one transaction. [MemoryStore] is the store of
// tests and examples; it keeps everything until the process ends. The
// handler tells its [Notifier] of each change with events once the store
// holds it; a deployment that must deliver every event also after a crash
// relays the outbox from a process of its own, as the PostgreSQL store's
// dispatcher does.
package casehttp
