"""The administrators' audit shows who downloaded which board material, beside who changed what."""


def test_the_audit_lists_downloads(boards, client_for, difos_observer, admin_user):
    material = boards["censec"].materials["ordinary"]
    assert client_for(difos_observer).get(f"/governance/materials/{material.pk}/download/").status_code == 200
    response = client_for(admin_user).get("/audit/")
    downloads = list(response.context["downloads"])
    assert [(d.user, d.version.material) for d in downloads] == [(difos_observer, material)]
    assert 'data-testid="audit-downloads"' in response.content.decode()


def test_the_audit_filters_downloads_by_person(boards, client_for, difos_observer, censec_board, admin_user):
    material = boards["censec"].materials["ordinary"]
    client_for(difos_observer).get(f"/governance/materials/{material.pk}/download/")
    response = client_for(admin_user).get("/audit/", {"user": censec_board.pk})
    assert list(response.context["downloads"]) == []
