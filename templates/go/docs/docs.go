// Package docs holds the API's contract, docs/openapi.yaml, built into the
// binary so that the server can publish it at /api/openapi.yaml.
package docs

import _ "embed"

// OpenAPI is the OpenAPI document of the API.
//
//go:embed openapi.yaml
var OpenAPI []byte
