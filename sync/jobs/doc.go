// Package jobs is Bulkops' bulk job engine and its store. A job takes a compliant package
// made by sheets (a CSV, a zip of CSVs or a zip of audio files) for one object type, keeps
// it, and applies it to a Webex Contact Center organization the way Control Hub's Bulk
// Operations does: names are resolved to ids, each record is created or updated by its
// key (the name; the e-mail for users), items go out in batches on the per-resource /bulk
// endpoints within the rate limit, and every row ends succeeded or failed with the
// server's reason. The failed rows come back as an error file with an "Error Message"
// column, ready to fix and submit again.
//
// The store is a SQLite database in the data directory (jobs.db), shared by the window and
// the command line. A job left In Progress by a process that died is resumed by the next
// one; because records are saved by key, sending one again updates it and never creates
// it twice.
package jobs
