// Package store opens the database (SQLite or PostgreSQL, through database/sql)
// and applies the migrations. SQL is written by hand, in the packages that own
// the tables: it is short, it is the SQL you would type into psql, and nothing
// hides which queries run. Queries use "?" placeholders; the DB rewrites them to
// PostgreSQL's $1, $2... so that one string serves both databases.
package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"github.com/prometheus/client_golang/prometheus"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Dialect names the database engine.
type Dialect string

// The supported engines.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// DB is the connection pool, its dialect, a count of the statements sent (the
// query-count tests read it) and their times (for /metrics).
type DB struct {
	pool    *sql.DB
	Dialect Dialect
	queries atomic.Int64
	// Every statement below goes through this file, which makes it the one
	// place to time them: database/sql itself has no hook for it.
	duration prometheus.Histogram
	// Prepared statements by query: SQLite parses and plans a statement each
	// time it is prepared, which costs as much as running a small query.
	stmts sync.Map
}

// idleConnections is how many open connections the pool keeps for the next
// requests: more than the requests a small server runs at once.
const idleConnections = 16

// Open connects to the database named by url: sqlite:///relative/path.db,
// sqlite:////absolute/path.db, or postgres(ql)://user:password@host:5432/name.
func Open(ctx context.Context, rawURL string) (*DB, error) {
	db := &DB{duration: prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "db_query_duration_seconds",
		Help:    "SQL statements in seconds, from sending one to its answer (transactions' BEGIN and COMMIT too).",
		Buckets: []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5},
	})}
	var err error
	switch {
	case strings.HasPrefix(rawURL, "sqlite://"):
		db.Dialect = SQLite
		db.pool, err = sql.Open("sqlite", sqliteDSN(strings.TrimPrefix(rawURL, "sqlite://")))
	case strings.HasPrefix(rawURL, "postgres://"), strings.HasPrefix(rawURL, "postgresql://"):
		db.Dialect = Postgres
		db.pool, err = sql.Open("pgx", rawURL)
	default:
		return nil, errors.New("DATABASE_URL must start with sqlite://, postgres:// or postgresql://")
	}
	if err != nil {
		return nil, err
	}
	db.pool.SetConnMaxIdleTime(5 * time.Minute)
	// database/sql keeps only 2 idle connections by default: under more
	// concurrent requests than that, connections are closed and opened again
	// all the time, and each new one prepares its statements anew.
	db.pool.SetMaxIdleConns(idleConnections)
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := db.pool.PingContext(ctx); err != nil {
		db.pool.Close()
		if db.Dialect == Postgres {
			if problem := connectionProblem(rawURL, err); problem != nil {
				return nil, problem
			}
		}
		return nil, fmt.Errorf("cannot open the database: %w", err)
	}
	return db, nil
}

// noAnswer reports whether err means that no server answered at all (nothing
// listens there, or the host is unknown), rather than an answer such as a
// wrong password.
func noAnswer(err error) bool {
	if _, ok := errors.AsType[*net.OpError](err); ok {
		return true
	}
	if _, ok := errors.AsType[*net.DNSError](err); ok {
		return true
	}
	return errors.Is(err, context.DeadlineExceeded)
}

// connectionProblem is the one line a learner reads when PostgreSQL cannot be
// used: nobody answers (the most common first-day problem: it was not started),
// or the server refuses us (a wrong user, password or database name). Any other
// error is left as it is (nil).
func connectionProblem(rawURL string, err error) error {
	host, port := "localhost", "5432"
	if u, parseErr := url.Parse(rawURL); parseErr == nil {
		host = cmp.Or(u.Hostname(), host)
		port = cmp.Or(u.Port(), port)
	}
	if noAnswer(err) {
		return fmt.Errorf("cannot reach PostgreSQL at %s:%s: start it with `docker compose up -d db`, "+
			"or set DATABASE_URL to a server that is running", host, port)
	}
	if refusal, ok := errors.AsType[*pgconn.PgError](err); ok && refusal.Severity == "FATAL" {
		return fmt.Errorf("PostgreSQL at %s:%s refused the connection: %s; "+
			"check the user, the password and the database name in DATABASE_URL",
			host, port, refusal.Message)
	}
	return nil
}

// sqliteDSN sets what makes SQLite safe under concurrent requests, on every
// connection of the pool:
//   - busy_timeout: a writer waits up to 5 s for the lock instead of failing at
//     once with "database is locked";
//   - WAL: readers do not block the writer, nor the writer the readers;
//   - foreign_keys: SQLite ignores REFERENCES unless told otherwise;
//   - _txlock=immediate: a transaction takes the write lock when it begins
//     (BEGIN IMMEDIATE), so two transactions never both read, then both fail to
//     upgrade to writing.
func sqliteDSN(path string) string {
	// "sqlite:///./app.db" leaves "/./app.db": a relative path after the third slash.
	if strings.HasPrefix(path, "/") && !strings.HasPrefix(path, "//") {
		path = path[1:]
	} else {
		path = strings.TrimPrefix(path, "/")
	}
	params := url.Values{}
	params.Add("_pragma", "busy_timeout(5000)")
	params.Add("_pragma", "journal_mode(WAL)")
	params.Add("_pragma", "foreign_keys(1)")
	params.Add("_txlock", "immediate")
	return "file:" + path + "?" + params.Encode()
}

// Close closes the pool.
func (db *DB) Close() error { return db.pool.Close() }

// Pool is the underlying *sql.DB, for the migrations.
func (db *DB) Pool() *sql.DB { return db.pool }

// Queries is the number of statements sent so far.
func (db *DB) Queries() int64 { return db.queries.Load() }

// Metrics is the histogram of the statements' times, for /metrics.
func (db *DB) Metrics() prometheus.Collector { return db.duration }

// observe records one statement that was sent at start. Used with defer, it
// runs when the database has answered (for a query: its first row).
func (db *DB) observe(start time.Time) { db.duration.Observe(time.Since(start).Seconds()) }

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error { return db.pool.PingContext(ctx) }

// rebind turns "?" placeholders into "$1", "$2"... for PostgreSQL.
func (db *DB) rebind(query string) string {
	if db.Dialect != Postgres {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Querier is what the data-access code needs: a DB or a Tx.
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// ExecContext runs a statement that returns no rows.
func (db *DB) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	db.queries.Add(1)
	defer db.observe(time.Now())
	return db.pool.ExecContext(ctx, db.rebind(query), args...)
}

// QueryContext runs a query that returns rows.
func (db *DB) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	db.queries.Add(1)
	defer db.observe(time.Now())
	stmt, err := db.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	return stmt.QueryContext(ctx, args...)
}

// QueryRowContext runs a query that returns at most one row.
func (db *DB) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	db.queries.Add(1)
	defer db.observe(time.Now())
	stmt, err := db.prepared(ctx, query)
	if err != nil {
		// The same error again, carried by the Row as Scan expects it.
		return db.pool.QueryRowContext(ctx, db.rebind(query), args...)
	}
	return stmt.QueryRowContext(ctx, args...)
}

// prepared returns the statement for query, preparing it the first time:
// database/sql then prepares it once per connection of the pool.
func (db *DB) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	if stmt, ok := db.stmts.Load(query); ok {
		return stmt.(*sql.Stmt), nil
	}
	stmt, err := db.pool.PrepareContext(ctx, db.rebind(query))
	if err != nil {
		return nil, err
	}
	if earlier, loaded := db.stmts.LoadOrStore(query, stmt); loaded {
		stmt.Close()
		return earlier.(*sql.Stmt), nil
	}
	return stmt, nil
}

// Tx is a transaction that rebinds and counts like its DB.
type Tx struct {
	tx *sql.Tx
	db *DB
}

// ExecContext runs a statement inside the transaction.
func (t *Tx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	t.db.queries.Add(1)
	defer t.db.observe(time.Now())
	return t.tx.ExecContext(ctx, t.db.rebind(query), args...)
}

// QueryContext runs a query inside the transaction.
func (t *Tx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	t.db.queries.Add(1)
	defer t.db.observe(time.Now())
	return t.tx.QueryContext(ctx, t.db.rebind(query), args...)
}

// QueryRowContext runs a one-row query inside the transaction.
func (t *Tx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	t.db.queries.Add(1)
	defer t.db.observe(time.Now())
	return t.tx.QueryRowContext(ctx, t.db.rebind(query), args...)
}

// InTx runs fn in a transaction: committed when fn returns nil, rolled back
// otherwise. On SQLite it begins with BEGIN IMMEDIATE (see sqliteDSN).
func (db *DB) InTx(ctx context.Context, fn func(tx *Tx) error) error {
	tx, err := db.begin(ctx)
	if err != nil {
		return err
	}
	// After a successful Commit, Rollback does nothing: deferring it covers every error path.
	defer tx.Rollback()
	if err := fn(&Tx{tx: tx, db: db}); err != nil {
		return err
	}
	defer db.observe(time.Now())
	return tx.Commit()
}

// begin starts a transaction, timed like a statement: on SQLite, BEGIN
// IMMEDIATE is where a writer waits for another.
func (db *DB) begin(ctx context.Context) (*sql.Tx, error) {
	defer db.observe(time.Now())
	return db.pool.BeginTx(ctx, nil)
}

// IsUniqueViolation reports whether err is a broken UNIQUE or PRIMARY KEY constraint.
func IsUniqueViolation(err error) bool {
	if pgErr, ok := errors.AsType[*pgconn.PgError](err); ok {
		return pgErr.Code == "23505"
	}
	if liteErr, ok := errors.AsType[*sqlite.Error](err); ok {
		code := liteErr.Code()
		return code == sqlite3.SQLITE_CONSTRAINT_UNIQUE || code == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	return false
}

// IsForeignKeyViolation reports whether err is a broken FOREIGN KEY constraint
// (a row that others still refer to, or a reference to a row that is gone).
func IsForeignKeyViolation(err error) bool {
	if pgErr, ok := errors.AsType[*pgconn.PgError](err); ok {
		return pgErr.Code == "23503"
	}
	if liteErr, ok := errors.AsType[*sqlite.Error](err); ok {
		return liteErr.Code() == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY
	}
	return false
}

// IsBusy reports whether err is SQLite's "database is locked": another
// connection held the write lock for longer than the busy timeout.
func IsBusy(err error) bool {
	liteErr, ok := errors.AsType[*sqlite.Error](err)
	// The extended codes (SQLITE_BUSY_SNAPSHOT, ...) keep SQLITE_BUSY in their low byte.
	return ok && liteErr.Code()&0xff == sqlite3.SQLITE_BUSY
}

// Placeholders returns "?, ?, ?" for n values, for IN (...) lists.
func Placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}
