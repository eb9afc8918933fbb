"""The events dashboard (Streamlit): queries over the read copy, HTML rendering, the page."""
