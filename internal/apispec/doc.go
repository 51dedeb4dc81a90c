// Package apispec holds Cisco's public OpenAPI description of the Webex Contact Center
// API (webex/webex-openapi-specs, public-spec/webex-contact-center.json, embedded
// gzipped) and checks HTTP requests and responses against it. It is the contract the
// sandbox enforces in every test: a request the spec does not allow, or a response the
// spec does not describe, is reported naming the method, the path and the field.
//
// Where live tenants behave differently from the spec, the live behaviour wins; those
// places are listed once, in deviations.go, and applied to the loaded document.
package apispec
