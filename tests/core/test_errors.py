def test_a_form_sent_from_an_expired_page_is_refused_in_french(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/compte/connexion/", {"username": "a@example.org", "password": "x"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Formulaire expiré" in page and "Forbidden" not in page
    fragment = client.post("/compte/connexion/", {}, HTTP_HX_REQUEST="true")
    assert (
        fragment.content.decode()
        == '<span class="fragment-error">Pas enregistré : la page a expiré, rechargez-la.</span>'
    )
