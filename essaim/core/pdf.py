"""Every PDF of the platform (bilans, agendas, badges, table plans): HTML rendered by WeasyPrint
as a tagged PDF in the PDF/UA variant (structure tree, language, title), for screen readers."""

from __future__ import annotations

import warnings


def tagged_pdf(html: str) -> bytes:
    with warnings.catch_warnings():
        # WeasyPrint announces that a future version will need HarfBuzz-Subset; today's works.
        warnings.filterwarnings("ignore", message="HarfBuzz-Subset", category=DeprecationWarning)
        from weasyprint import HTML

        pdf: bytes = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    return pdf
