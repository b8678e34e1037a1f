package store

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"slices"
	"strings"

	"github.com/pressly/goose/v3"
)

// The shared tables (the login attempts), one folder per dialect: SQLite and
// PostgreSQL differ in types (INTEGER PRIMARY KEY AUTOINCREMENT vs identity).
//
//go:embed migrations
var sharedMigrations embed.FS

// Migrate applies every migration that has not run yet: the shared ones and the
// ones in kindMigrations (a folder per dialect: sqlite/, postgres/), in the
// order of their version numbers. A migration never changes once it has run
// somewhere: write a new one instead.
func Migrate(ctx context.Context, db *DB, kindMigrations fs.FS, logger *slog.Logger) error {
	provider, err := newProvider(db, kindMigrations)
	if err != nil {
		return err
	}
	results, err := provider.Up(ctx)
	for _, result := range results {
		logger.Info("migration applied", "version", result.Source.Version, "file", result.Source.Path)
	}
	if err != nil {
		return fmt.Errorf("migrating: %w", err)
	}
	return nil
}

// Rollback undoes the last migration that was applied (its -- +goose Down part).
func Rollback(ctx context.Context, db *DB, kindMigrations fs.FS, logger *slog.Logger) error {
	provider, err := newProvider(db, kindMigrations)
	if err != nil {
		return err
	}
	result, err := provider.Down(ctx)
	if result != nil {
		logger.Info("migration undone", "version", result.Source.Version, "file", result.Source.Path)
	}
	return err
}

func newProvider(db *DB, kindMigrations fs.FS) (*goose.Provider, error) {
	shared, err := fs.Sub(sharedMigrations, "migrations/"+string(db.Dialect))
	if err != nil {
		return nil, err
	}
	own, err := fs.Sub(kindMigrations, string(db.Dialect))
	if err != nil {
		return nil, err
	}
	dialect := goose.DialectSQLite3
	if db.Dialect == Postgres {
		dialect = goose.DialectPostgres
	}
	provider, err := goose.NewProvider(dialect, db.pool, unionFS{shared, own})
	if err != nil {
		return nil, fmt.Errorf("reading the migrations: %w", err)
	}
	return provider, nil
}

// unionFS shows the files of several folders as one folder (file names must not
// clash): goose reads its migrations from one place.
type unionFS []fs.FS

// Open opens name from the first folder that has it.
func (u unionFS) Open(name string) (fs.File, error) {
	if name == "." {
		return u[0].Open(name)
	}
	for _, fsys := range u {
		file, err := fsys.Open(name)
		if err == nil || !errors.Is(err, fs.ErrNotExist) {
			return file, err
		}
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// ReadDir lists the files of every folder, sorted by name.
func (u unionFS) ReadDir(name string) ([]fs.DirEntry, error) {
	var entries []fs.DirEntry
	for _, fsys := range u {
		found, err := fs.ReadDir(fsys, name)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		entries = append(entries, found...)
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int {
		return strings.Compare(a.Name(), b.Name())
	})
	return entries, nil
}
