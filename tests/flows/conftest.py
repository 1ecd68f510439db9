import pytest

from flows.config import configure_prefect


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory):
    # Prefect's ephemeral server takes 17-30 s to start on this 2-core machine.
    configure_prefect(tmp_path_factory.mktemp("prefect-home"))
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield
