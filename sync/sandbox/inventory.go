package sandbox

// callingInventory is the Webex Calling number inventory of every sandbox organization:
// live tenants map only numbers that already exist there (live-api.md, dial-number: else
// 404 "Dialed number does not exist"). The demo organization maps four of them.
var callingInventory = []string{
	"+420225000200", "+420225000201", "+420225000202", "+420225000203", "+420225000300", "+420225009999",
	"+442038080200", "+442038080201", "+442038080202", "+442038080203",
	"+15125550200", "+15125550201", "+15125550202", "+15125550203",
}
