<!doctype html>
<title>Items</title>
<ul>
% for item in items:
  <li>{{item}}</li>
% end
</ul>