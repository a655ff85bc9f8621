package main

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// countingExpirer records each call and fails the calls that failAt
// names, counted from 1.
type countingExpirer struct {
	calls  chan int
	n      int
	failAt map[int]bool
}

func (e *countingExpirer) DeleteExpired(context.Context) (int64, error) {
	e.n++
	e.calls <- e.n
	if e.failAt[e.n] {
		return 0, errors.New("database gone")
	}
	return int64(e.n), nil
}

func TestSweep_DeletesAtStartAndAtEveryTickUntilStopped(t *testing.T) {
	e := &countingExpirer{calls: make(chan int, 10), failAt: map[int]bool{2: true}}
	ticks := make(chan time.Time)
	var reported []error
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		sweep(ctx, e, ticks, func(err error) { reported = append(reported, err) })
		close(done)
	}()

	assert.Equal(t, 1, <-e.calls, "a sweep at start")
	ticks <- time.Time{}
	assert.Equal(t, 2, <-e.calls)
	ticks <- time.Time{}
	assert.Equal(t, 3, <-e.calls)
	cancel()
	<-done

	assert.Len(t, e.calls, 0, "no call after the stop")
	assert.Len(t, reported, 1)
	assert.EqualError(t, reported[0], "database gone")
}
