// Activity form: a click on a suggested matrix row (htmx fragment) selects that row.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-row-suggestion]");
  if (!button) { return; }
  var select = document.getElementById("id_matrix_row");
  if (select) { select.value = button.dataset.rowSuggestion; select.dispatchEvent(new Event("change")); }
});
