// Package casetest helps test code that uses the case API, on either
// side: a partner's integration and the platform's own services.
//
//   - [Env] gives the operations of the cases package a [Clock] that
//     stands still until stepped and [IDs] that count up, so that every
//     time and ID a test sees is the same on every run.
//   - Builders make a valid case for every scenario: a
//     missing_information case in each status ([Env.NeedsResponse],
//     [Env.UnderReview], [Env.Reopened], [Env.Internal]), each terminal
//     state ([Env.Closed] with any reason), and an ra_termination case;
//     [Scenarios] lists them all, and an [Option] changes any field.
//   - [Random] draws valid cases from a seeded math/rand/v2 source, and
//     [Variants] breaks one rule of a case at a time, with the
//     [cases.Item] that validation must report for it; [OpenVariants],
//     [UpdateVariants] and [ResponseVariants] do the same for the bodies
//     a service receives, with the item that the operation (or the API,
//     with 400) must report.
//   - [NewServer] starts a fake of the API that runs the real handler on
//     an in-memory store, acts for the platform (open, ask for a
//     response, resolve, supersede) and sends signed webhooks to the URLs
//     a test registers.
//   - [AssertError] and [AssertProblem] check errors and problem
//     responses item by item, in the manner of testify's assert; [At],
//     [AtParameter] and [InRequest] make the items they expect.
package casetest
