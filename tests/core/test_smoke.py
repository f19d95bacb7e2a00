"""The app starts on a migrated database and serves its public pages."""


def test_home_page_lists_the_network(client, make_site):
    make_site("figeac", name="Télécentre de Figeac")
    response = client.get("/", headers={"Accept-Language": "fr"})
    assert response.status_code == 200
    assert "Télécentre de Figeac" in response.get_data(as_text=True)


def test_login_then_profile(client, auth, make_user):
    member = make_user()
    auth.login(member)
    response = client.get("/account")
    assert response.status_code == 200
    assert member.email in response.get_data(as_text=True)
