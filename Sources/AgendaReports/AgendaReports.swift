// Workbook and text renderers.
