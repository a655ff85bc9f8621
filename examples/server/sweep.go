package main

import (
	"context"
	"time"
)

// sweepInterval is how often the server deletes the expired idempotency
// records of a PostgreSQL store.
const sweepInterval = time.Hour

// expirer deletes expired idempotency records, as the PostgreSQL store's
// DeleteExpired does, and returns how many it deleted.
type expirer interface {
	DeleteExpired(ctx context.Context) (int64, error)
}

// sweep deletes the expired records of e right away and again at every
// tick, until ctx is done. It hands each failure to report, except the
// one that ctx's end causes.
func sweep(ctx context.Context, e expirer, ticks <-chan time.Time, report func(error)) {
	for {
		if _, err := e.DeleteExpired(ctx); err != nil && ctx.Err() == nil {
			report(err)
		}
		select {
		case <-ctx.Done():
			return
		case <-ticks:
		}
	}
}
