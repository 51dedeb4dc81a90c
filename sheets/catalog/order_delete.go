package catalog

import "slices"

// DeleteOrder sorts objs for deleting: every type before the types its columns refer to,
// so what refers goes before what it refers to (a team before its site, a queue before
// the teams it routes to). It is DependencyOrder reversed. On a cycle the order cannot
// honour every reference; a delete of an object still in use is refused by the server
// (412) or by the check of incoming references, never forced.
func DeleteOrder(objs []*Object) []*Object {
	order, _ := DependencyOrder(objs)
	slices.Reverse(order)
	return order
}
